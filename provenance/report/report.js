// provenance report: point at or click a claim to see its chain and its evidence in the text.
// Plain DOM, no framework; every text node was escaped when the page was written.
(function () {
  "use strict";
  var text = document.getElementById("text");
  var panel = document.getElementById("panel");
  countMarks();
  if (!text || !panel) { return; }
  var pinned = null;

  function words(value) { return value ? value.split(" ") : []; }

  // the claim counts by kind, read from the marks in the page (checked by the tests in Chromium)
  function countMarks() {
    var out = document.getElementById("js-counts");
    if (!out) { return; }
    var counts = {};
    var marks = document.querySelectorAll("#text a.mark");
    for (var i = 0; i < marks.length; i++) {
      var kind = marks[i].getAttribute("data-kind");
      counts[kind] = (counts[kind] || 0) + 1;
    }
    Object.keys(counts).sort().forEach(function (kind) { out.setAttribute("data-" + kind, counts[kind]); });
    out.textContent = JSON.stringify(counts);
  }

  function select(id, pin) {
    if (pinned && !pin) { return; }
    var segs = text.querySelectorAll(".seg");
    for (var i = 0; i < segs.length; i++) {
      var seg = segs[i];
      seg.classList.toggle("on", words(seg.getAttribute("data-c")).indexOf(id) >= 0);
      seg.classList.toggle("ev", words(seg.getAttribute("data-e")).some(function (e) {
        return e.split("-")[0] === id;
      }));
    }
    var item = document.getElementById("claim-" + id);
    panel.textContent = "";
    if (item) {
      var copy = item.cloneNode(true);
      copy.removeAttribute("id");
      panel.appendChild(copy);
      var links = copy.querySelectorAll(".link");
      for (var j = 0; j < links.length; j++) { links[j].classList.add("ev"); }
    }
    if (pin) {
      pinned = id;
      var note = document.createElement("p");
      note.className = "pinned";
      note.textContent = "Pinned: click the claim again, or elsewhere in the text, to let go.";
      panel.appendChild(note);
    }
  }

  function claimAt(node) {
    var el = node.closest ? node.closest("[data-claim], .seg[data-c]") : null;
    if (!el) { return null; }
    return el.getAttribute("data-claim") || words(el.getAttribute("data-c"))[0];
  }

  text.addEventListener("mouseover", function (event) {
    var id = claimAt(event.target);
    if (id) { select(id, false); }
  });
  text.addEventListener("click", function (event) {
    var id = claimAt(event.target);
    if (event.target.closest && event.target.closest("a.mark")) { event.preventDefault(); }
    if (!id || id === pinned) {
      pinned = null;
      if (history.replaceState) { history.replaceState(null, "", location.pathname); }
      return;
    }
    pinned = null;
    select(id, true);
    if (history.replaceState) { history.replaceState(null, "", "#claim-" + id); }
  });

  // a link to article-N.html#claim-M (or ?claim=M) opens with that claim's chain shown and its
  // mark in view: chains can be shared
  var match = /^#claim-(\d+)$/.exec(location.hash) || /[?&]claim=(\d+)/.exec(location.search);
  if (match) {
    select(match[1], true);
    var mark = text.querySelector('a.mark[data-claim="' + match[1] + '"]');
    var box = mark ? mark.getBoundingClientRect() : null;
    if (box && (box.top < 0 || box.bottom > window.innerHeight || location.hash)) {
      setTimeout(function () { mark.scrollIntoView({block: "center"}); }, 0);
    }
  }
})();
