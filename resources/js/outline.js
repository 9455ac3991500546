/* The reader's own page script. Runs in Qt's ApplicationWorld (isolated from the page; corpus JavaScript is off).
 * Scroll-spy: tells the window which heading is current while the reader scrolls, through the QWebChannel object
 * "reader" (qwebchannel.js is prepended by the app). Also offers window.rlReader for the app's runJavaScript calls.
 */
(function () {
  "use strict";
  var bridge = null;
  var current = null;
  var pending = false;

  function headings() {
    var root = document.querySelector(".rl-article") || document.body;
    if (!root) return [];
    return Array.prototype.filter.call(
      root.querySelectorAll("h1[id], h2[id], h3[id], h4[id], h5[id], h6[id]"),
      function (h) { return h.offsetParent !== null || h.getClientRects().length > 0; }
    );
  }

  /* The current heading: the last one whose top has passed a line a little below the top of the view. At the very
   * bottom of the page the last heading that is on screen wins, so short final sections can still be current. */
  function compute() {
    var list = headings();
    if (!list.length) return "";
    var line = Math.min(120, window.innerHeight * 0.25);
    var found = list[0];
    for (var i = 0; i < list.length; i++) {
      if (list[i].getBoundingClientRect().top <= line) found = list[i];
      else break;
    }
    var doc = document.scrollingElement || document.documentElement;
    if (doc && window.innerHeight + window.scrollY >= doc.scrollHeight - 2) {
      for (var j = list.length - 1; j >= 0; j--) {
        var top = list[j].getBoundingClientRect().top;
        if (top < window.innerHeight && top >= 0) { found = list[j]; break; }
      }
    }
    return found.id;
  }

  function report() {
    pending = false;
    var id = compute();
    if (id === current) return;
    current = id;
    if (bridge) bridge.report_heading(id);
  }

  function schedule() {
    if (pending) return;
    pending = true;
    window.requestAnimationFrame(report);
  }

  function scrollToAnchor(anchor) {
    var el = document.getElementById(anchor);
    if (!el) return false;
    el.scrollIntoView({block: "start"});
    report();
    return true;
  }

  /* The printout's footer goes into the bottom margin of every sheet (a CSS page-margin box), where it can never
   * cover text; an empty text removes it again. */
  function cssString(text) {
    // Backslash, quote and every control character (CSS treats \f, \r and \n as line ends) become CSS hex
    // escapes, so no corpus string can end the string and add rules of its own.
    return '"' + String(text).replace(/[\\"\u0000-\u001f\u007f]/g, function (c) {
      return "\\" + c.charCodeAt(0).toString(16) + " ";
    }) + '"';
  }

  function setFooter(text) {
    var style = document.getElementById("rl-print-footer-style");
    if (!text) {
      if (style) style.remove();
      return true;
    }
    if (!style) {
      style = document.createElement("style");
      style.id = "rl-print-footer-style";
      (document.head || document.documentElement).appendChild(style);
    }
    style.textContent = "@page { @bottom-left { content: " + cssString(text) +
      "; font-family: sans-serif; font-size: 8pt; color: #333333; vertical-align: top; padding-top: 4mm; } }";
    return true;
  }

  window.rlReader = {
    current: function () { return compute(); },
    scrollTo: scrollToAnchor,
    setFooter: setFooter
  };

  window.addEventListener("scroll", schedule, {passive: true});
  window.addEventListener("resize", schedule, {passive: true});
  window.addEventListener("hashchange", schedule);

  if (typeof QWebChannel !== "undefined" && window.qt && qt.webChannelTransport) {
    new QWebChannel(qt.webChannelTransport, function (channel) {
      bridge = channel.objects.reader || null;
      current = null;
      report();
    });
  } else {
    report();
  }
})();
