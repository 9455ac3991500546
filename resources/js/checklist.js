/* Checklists: the task list checkboxes of a page become real, saved checkboxes with a progress line.
 *
 * Runs in Qt's ApplicationWorld (isolated from the page; corpus JavaScript is off), injected by
 * reader/gui/checklist.py at DocumentCreation with qwebchannel.js prepended. It talks to the Python object
 * "rlChecklist" over the page's QWebChannel: `page_ready` returns the saved ticks, `toggled` saves one.
 *
 * Several app scripts (outline, checklist ...) may each make their own `new QWebChannel(qt.webChannelTransport)`.
 * Plain qwebchannel.js cannot share a transport: each instance takes `transport.onmessage` for itself and their
 * call ids collide. So the first app script to run installs a multiplexer: every instance gets its own view of the
 * transport, requests get world-unique ids, each response goes back to the instance that asked, and signals and
 * property updates go to all of them. (An instance made before the multiplexer keeps working: responses the
 * multiplexer does not know go to it.)
 */
(function () {
  "use strict";

  // --- a transport that several QWebChannel instances can share -------------------------------------------
  (function multiplex() {
    if (!window.qt || !qt.webChannelTransport || qt.rlMultiplexed) return;
    var real = qt.webChannelTransport;
    var legacy = typeof real.onmessage === "function" ? real.onmessage : null;
    var handlers = [];  // [client, handler]
    var owners = {};  // our request id -> [handler, the client's own id]
    var nextId = 1000000000;  // far above what an instance made before us counts to

    function parse(data) {
      if (typeof data !== "string") return data;
      try { return JSON.parse(data); } catch (e) { return null; }
    }

    function dispatch(event) {
      var msg = parse(event && event.data);
      if (!msg) return;
      if (msg.type === 10 && msg.id !== undefined) {  // a response: only to whoever asked
        var owner = owners[msg.id];
        if (owner) {
          delete owners[msg.id];
          msg.id = owner[1];
          owner[0]({data: JSON.stringify(msg)});
        } else if (legacy) {
          legacy.call(real, event);
        }
        return;
      }
      var text = JSON.stringify(msg);
      handlers.forEach(function (h) { try { h[1]({data: text}); } catch (e) { console.error(e); } });
      if (legacy) legacy.call(real, event);
    }

    function makeClient() {
      var handler = null;
      var client = {
        send: function (data) {
          var msg = parse(data);
          if (msg && msg.id !== undefined && handler) {
            var id = nextId++;
            owners[id] = [handler, msg.id];
            msg.id = id;
          }
          real.send(typeof data === "string" && !msg ? data : JSON.stringify(msg));
        }
      };
      // Qt delivers messages by reading qt.webChannelTransport.onmessage each time: an object nobody has given
      // a handler answers with the dispatcher.
      Object.defineProperty(client, "onmessage", {
        enumerable: true,
        get: function () { return handler || dispatch; },
        set: function (fn) {
          handler = typeof fn === "function" ? fn : null;
          handlers = handlers.filter(function (h) { return h[0] !== client; });
          if (handler) handlers.push([client, handler]);
        }
      });
      return client;
    }

    Object.defineProperty(qt, "webChannelTransport", {configurable: true, enumerable: true, get: makeClient});
    qt.rlMultiplexed = true;
  })();

  if (window.rlChecklist) return; // injected twice: the first copy does the work

  // --- the checklist ----------------------------------------------------------------------------------------
  var boxes = [];
  var progress = null;
  var template = "%1 van %2 gedaan";
  var bridge = null;
  var pageId = "";

  function ownText(li) {
    var parts = [];
    (function walk(node) {
      for (var c = node.firstChild; c; c = c.nextSibling) {
        if (c.nodeType === 3) parts.push(c.nodeValue);
        else if (c.nodeType === 1 && !/^(UL|OL|INPUT)$/.test(c.tagName)) walk(c);
      }
    })(li);
    return parts.join(" ").replace(/\s+/g, " ").trim();
  }

  function itemText(box) {
    var li = box.closest("li");
    return (li ? ownText(li) : "") || box.getAttribute("aria-label") || "";
  }

  function counts() {
    var done = 0;
    boxes.forEach(function (b) { if (b.checked) done++; });
    return [done, boxes.length];
  }

  function update(error) {
    if (!progress) return;
    var c = counts();
    progress.textContent = template.replace("%1", String(c[0])).replace("%2", String(c[1]));
    progress.setAttribute("data-done", String(c[0]));
    progress.setAttribute("data-total", String(c[1]));
    progress.classList.toggle("rl-checklist-complete", c[0] === c[1] && c[1] > 0);
    if (error) {
      var note = document.createElement("span");
      note.className = "rl-checklist-error";
      note.textContent = " " + error;
      progress.appendChild(note);
    }
  }

  function makeProgress() {
    var first = boxes[0];
    var list = first.closest("ul, ol");
    // The outermost task list that holds the first box: the progress line goes right above it.
    while (list && list.parentElement) {
      var outerItem = list.parentElement.closest("li.task-list-item");
      var outerList = outerItem ? outerItem.closest("ul, ol") : null;
      if (!outerList) break;
      list = outerList;
    }
    progress = document.createElement("p");
    progress.className = "rl-checklist-progress";
    progress.setAttribute("role", "status");
    progress.setAttribute("aria-live", "polite");
    (list || first).parentNode.insertBefore(progress, list || first);
    update();
  }

  function apply(checked) {
    boxes.forEach(function (box, i) {
      if (i < checked.length) box.checked = !!checked[i];
      box.disabled = false;
      box.removeAttribute("disabled");
    });
    update();
  }

  function onChange(event) {
    var box = event.target;
    var index = boxes.indexOf(box);
    if (index < 0 || !bridge) return;
    update();
    var payload = JSON.stringify({page: pageId, url: location.href, index: index, checked: box.checked,
                                  text: itemText(box)});
    bridge.toggled(payload, function (reply) {
      var r = {};
      try { r = JSON.parse(reply); } catch (e) { r = {ok: false, error: String(e)}; }
      if (!r.ok) {
        box.checked = !box.checked; // not saved: show the truth
        update(r.error || "");
      }
    });
  }

  // A click on an item's own text ticks it, as on a label (the task list's <label> holds only the box). Links,
  // nested lists and a click that ends a text selection keep their own meaning.
  function onItemClick(event) {
    var li = event.currentTarget;
    var target = event.target;
    if (!target || !target.closest || target.closest("li.task-list-item") !== li) return;
    var own = target.closest("a, button, input, label, summary, ul, ol");
    if (own && li.contains(own)) return;  // inside the item: a link, the box, a nested list
    var selection = window.getSelection && window.getSelection();
    if (selection && !selection.isCollapsed && li.contains(selection.anchorNode)) return;
    var box = boxes.filter(function (b) { return b.closest("li.task-list-item") === li; })[0];
    if (box && !box.disabled) box.click();
  }

  function connect() {
    if (typeof QWebChannel !== "function" || !window.qt || !qt.webChannelTransport) return;
    new QWebChannel(qt.webChannelTransport, function (channel) {
      bridge = channel.objects.rlChecklist || null;
      if (!bridge) return;
      var payload = JSON.stringify({
        page: pageId,
        url: location.href,
        texts: boxes.map(itemText),
        defaults: boxes.map(function (b) { return b.defaultChecked; })
      });
      bridge.page_ready(payload, function (reply) {
        var r = {};
        try { r = JSON.parse(reply); } catch (e) { return; }
        if (r.template) template = r.template;
        apply(r.checked || []);
        if (r.error) update(r.error);
      });
    });
  }

  function start() {
    boxes = Array.prototype.slice.call(document.querySelectorAll('li.task-list-item input[type="checkbox"]'));
    pageId = (document.body && document.body.getAttribute("data-page")) || "";
    if (!boxes.length) return;
    // Until the saved state has arrived the boxes stay disabled: a tick that cannot be saved is never shown.
    boxes.forEach(function (b) {
      b.disabled = true;
      b.addEventListener("change", onChange);
      var li = b.closest("li.task-list-item");
      if (li) li.addEventListener("click", onItemClick);
    });
    makeProgress();
    connect();
  }

  window.rlChecklist = {
    // For the app (runJavaScript) and tests: the current state as JSON, and a way to push ticks made elsewhere.
    state: function () {
      var c = counts();
      return JSON.stringify({page: pageId, checked: boxes.map(function (b) { return b.checked; }),
                             enabled: boxes.map(function (b) { return !b.disabled; }),
                             done: c[0], total: c[1], progress: progress ? progress.textContent : null});
    },
    set: function (checked) { apply(checked); return true; }
  };

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
