/* Marks search terms in the page with <mark class="rl-search-hit">. Runs in Qt's ApplicationWorld (isolated from
 * the page; corpus JavaScript is off). The app runs this file and then calls
 *   rlHighlight.mark(["toegank", "standaard"])  -> number of marked words
 *   rlHighlight.clear()                          -> number of marks removed
 * The matching rule is the one of reader.core.search.word_matches, so the page marks what the snippet marked: a word
 * (lowercased, accents stripped) is marked when it starts with a term, or contains a term of at least 5 letters
 * (the tail of a compound: informatie*beveil*iging). Terms arrive folded: stems and typed prefixes.
 */
(function () {
  "use strict";
  if (window.rlHighlight) return;

  var CLASS = "rl-search-hit";
  var MAX_MARKS = 2000;
  var SKIP = { SCRIPT: 1, STYLE: 1, NOSCRIPT: 1, TEXTAREA: 1, INPUT: 1, SELECT: 1, MARK: 1, SVG: 1, TEMPLATE: 1 };
  var WORD = /[\p{L}\p{N}]+/gu;

  function fold(word) {
    return word.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  function matches(word, terms) {
    var w = fold(word);
    for (var i = 0; i < terms.length; i++) {
      var t = terms[i];
      if (w.lastIndexOf(t, 0) === 0 || (t.length >= 5 && w.indexOf(t) >= 0)) return true;
    }
    return false;
  }

  function textNodes(root) {
    var out = [];
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        for (var p = node.parentNode; p && p !== root; p = p.parentNode) {
          if (p.nodeType === 1 && SKIP[p.nodeName.toUpperCase()]) return NodeFilter.FILTER_REJECT;
        }
        return node.nodeValue && node.nodeValue.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT;
      }
    });
    for (var n = walker.nextNode(); n; n = walker.nextNode()) out.push(n);
    return out;
  }

  function clear() {
    var marks = document.querySelectorAll("mark." + CLASS);
    var parents = [];
    for (var i = 0; i < marks.length; i++) {
      var m = marks[i];
      var parent = m.parentNode;
      if (!parent) continue;
      parent.replaceChild(document.createTextNode(m.textContent), m);
      parents.push(parent);
    }
    for (var j = 0; j < parents.length; j++) parents[j].normalize();
    return marks.length;
  }

  function mark(terms) {
    clear();
    terms = (terms || []).map(function (t) { return fold(String(t)); }).filter(function (t) { return t.length >= 2; });
    if (!terms.length) return 0;
    var root = document.querySelector(".rl-article") || document.body;
    if (!root) return 0;
    var count = 0;
    var nodes = textNodes(root);
    for (var i = 0; i < nodes.length && count < MAX_MARKS; i++) {
      var node = nodes[i];
      var text = node.nodeValue;
      var pieces = [];
      var last = 0;
      var m;
      WORD.lastIndex = 0;
      while ((m = WORD.exec(text)) !== null) {
        if (matches(m[0], terms)) {
          pieces.push([m.index, m.index + m[0].length]);
          if (count + pieces.length >= MAX_MARKS) break;
        }
      }
      if (!pieces.length) continue;
      var frag = document.createDocumentFragment();
      for (var k = 0; k < pieces.length; k++) {
        var s = pieces[k][0], e = pieces[k][1];
        if (s > last) frag.appendChild(document.createTextNode(text.slice(last, s)));
        var el = document.createElement("mark");
        el.className = CLASS;
        el.textContent = text.slice(s, e);
        frag.appendChild(el);
        last = e;
      }
      if (last < text.length) frag.appendChild(document.createTextNode(text.slice(last)));
      node.parentNode.replaceChild(frag, node);
      count += pieces.length;
    }
    return count;
  }

  window.rlHighlight = { mark: mark, clear: clear, matches: matches };
})();
