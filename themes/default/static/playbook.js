// rolebook playbook: search as you type, and copy a brief. No dependencies, no network
// beyond this site: the search index is a script on the same origin, loaded on first use,
// so it also works when the files are opened directly (file://).
(function () {
  "use strict";

  // ---- copy buttons -------------------------------------------------------------------
  function copyWithSelection(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    area.remove();
    return ok;
  }

  // The job post as it reads on the page (its title, then the sections the role page
  // prints), cloned node by node: a rendered copy to select where the clipboard API cannot
  // take formatted text.
  function renderedPost(button) {
    var post = document.getElementById(button.getAttribute("data-copy-rendered"));
    var wrapper = document.createElement("div");
    var title = document.createElement("h1");
    title.textContent = button.getAttribute("data-copy-title") || "";
    wrapper.appendChild(title);
    if (post) {
      Array.prototype.forEach.call(post.childNodes, function (node) {
        wrapper.appendChild(node.cloneNode(true));
      });
    }
    return wrapper;
  }

  // Where the async clipboard cannot take formatted text (a plain-http intranet is not a
  // secure context; file:// pages and older browsers lack ClipboardItem): select a rendered
  // copy of the post off screen and copy it, setting both kinds of text on the way.
  function copyRenderedPost(wrapper, html, text) {
    wrapper.setAttribute("aria-hidden", "true");
    wrapper.style.position = "fixed";
    wrapper.style.left = "-10000px";
    wrapper.style.top = "0";
    wrapper.style.width = "40rem";
    document.body.appendChild(wrapper);
    var selection = window.getSelection();
    var saved = [];
    for (var i = 0; i < selection.rangeCount; i++) saved.push(selection.getRangeAt(i));
    var range = document.createRange();
    range.selectNodeContents(wrapper);
    selection.removeAllRanges();
    selection.addRange(range);
    var onCopy = function (event) {
      if (!event.clipboardData) return;
      event.clipboardData.setData("text/html", html);
      event.clipboardData.setData("text/plain", text);
      event.preventDefault();
    };
    document.addEventListener("copy", onCopy);
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    document.removeEventListener("copy", onCopy);
    selection.removeAllRanges();
    saved.forEach(function (r) { selection.addRange(r); });
    wrapper.remove();
    return ok;
  }

  function copy(button) {
    var source = document.getElementById(button.getAttribute("data-copy"));
    var box = button.closest(".brief-actions");
    var status = box.querySelector(".copy-status");
    // The words come from the page (the theme's strings in the site's language), with
    // English for a theme whose templates predate them.
    var words = function (name, english) { return box.getAttribute("data-" + name) || english; };
    if (!source) return;
    var text = source.textContent;
    var say = function (message) { if (status) status.textContent = message; };
    // The post's HTML is page text (escaped in the page, read back as text), never parsed
    // into this page.
    var htmlSource = document.getElementById(button.getAttribute("data-copy-html"));
    if (htmlSource) {
      var html = htmlSource.textContent;
      var why = window.isSecureContext
        ? words("selected-unsupported", "Copied by selecting the post, with headings and lists (this browser cannot put formatted text on the clipboard).")
        : words("selected-insecure", "Copied by selecting the post, with headings and lists (this page is not served over HTTPS).");
      var fallback = function () {
        say(copyRenderedPost(renderedPost(button), html, text)
          ? why
          : words("post-blocked", "Copying is blocked here: open posting.html and copy the post from there, or use a download link."));
      };
      if (navigator.clipboard && navigator.clipboard.write && window.ClipboardItem && window.isSecureContext) {
        var item = new window.ClipboardItem({
          "text/html": new Blob([html], { type: "text/html" }),
          "text/plain": new Blob([text], { type: "text/plain" })
        });
        navigator.clipboard.write([item]).then(function () {
          say(words("copied-formatted", "Copied, with headings and lists."));
        }, function () {
          why = words("selected-refused", "Copied by selecting the post, with headings and lists (the browser refused the clipboard).");
          fallback();
        });
      } else {
        fallback();
      }
      return;
    }
    var plain = function () {
      say(copyWithSelection(text) ? words("copied", "Copied.") : words("copy-blocked", "Copying is blocked here: use the download link instead."));
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { say(words("copied", "Copied.")); }, plain);
    } else {
      plain();
    }
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button.copy");
    if (button) copy(button);
  });

  // ---- search terms ---------------------------------------------------------------------
  // The words search matches, made the same way from the index and from the query: lowercased,
  // accents folded (é → e), split on what is not a letter or digit, each with its stem from
  // Snowball's English stemmer (Porter2). The stemmer is ported from the Snowball source and
  // tests/browser.rs holds it to rust-stemmers' stems word for word.
  var stem = (function () {
    function vowel(c) { return "aeiouy".indexOf(c) >= 0 && c.length === 1; }
    // Snowball's `v_WXY`: a vowel, w, x or Y.
    function vowelWXY(c) { return vowel(c) || c === "w" || c === "x" || c === "Y"; }
    function validLi(c) { return "cdeghkmnrt".indexOf(c) >= 0 && c.length === 1; }
    var whole = {
      skis: "ski", skies: "sky", dying: "die", lying: "lie", tying: "tie", idly: "idl",
      gently: "gentl", ugly: "ugli", early: "earli", only: "onli", singly: "singl", sky: "sky",
      news: "news", howe: "howe", atlas: "atlas", cosmos: "cosmos", bias: "bias", andes: "andes"
    };
    var kept = ["inning", "outing", "canning", "herring", "earring", "proceed", "exceed", "succeed"];
    // Suffixes, longest first: the longest one a word ends in is the only one tried.
    var step2 = [["ization", "ize"], ["ational", "ate"], ["iveness", "ive"], ["fulness", "ful"],
      ["ousness", "ous"], ["lessli", "less"], ["biliti", "ble"], ["tional", "tion"], ["fulli", "ful"],
      ["ousli", "ous"], ["entli", "ent"], ["aliti", "al"], ["iviti", "ive"], ["alism", "al"],
      ["ation", "ate"], ["abli", "able"], ["alli", "al"], ["anci", "ance"], ["enci", "ence"],
      ["izer", "ize"], ["ator", "ate"], ["bli", "ble"], ["ogi", "og"], ["li", ""]];
    var step3 = [["ational", "ate"], ["tional", "tion"], ["alize", "al"], ["icate", "ic"],
      ["iciti", "ic"], ["ative", ""], ["ical", "ic"], ["ness", ""], ["ful", ""]];
    var step4 = ["ement", "ance", "ence", "able", "ible", "ment", "ate", "ive", "ize", "iti",
      "ism", "ion", "ous", "ant", "ent", "ic", "al", "er"];

    return function (word) {
      if (Object.prototype.hasOwnProperty.call(whole, word)) return whole[word];
      var w = Array.from(word);
      if (w.length < 3) return word;
      function ends(suffix) {
        var s = Array.from(suffix);
        if (s.length > w.length) return false;
        for (var i = 1; i <= s.length; i++) if (w[w.length - i] !== s[s.length - i]) return false;
        return true;
      }
      function longest(list) {
        for (var i = 0; i < list.length; i++) {
          var entry = typeof list[i] === "string" ? list[i] : list[i][0];
          if (ends(entry)) return list[i];
        }
        return null;
      }
      function replace(length, by) { w.splice(w.length - length, length); w.push.apply(w, Array.from(by)); }
      // The end of the first vowel then non-vowel at or after `from`, or the word's end.
      function region(from) {
        var i = from;
        while (i < w.length && !vowel(w[i])) i++;
        while (i < w.length && vowel(w[i])) i++;
        return i < w.length ? i + 1 : w.length;
      }
      // A short syllable ends at `end`.
      function shortv(end) {
        if (end >= 3 && !vowelWXY(w[end - 1]) && vowel(w[end - 2]) && !vowel(w[end - 3])) return true;
        return end === 2 && !vowel(w[1]) && vowel(w[0]);
      }

      if (w[0] === "'") w.shift();
      var yFound = false;
      if (w[0] === "y") { w[0] = "Y"; yFound = true; }
      for (var i = 0; i + 1 < w.length; i++) {
        if (vowel(w[i]) && w[i + 1] === "y") { w[i + 1] = "Y"; yFound = true; }
      }
      var text = w.join("");
      var prefix = ["gener", "commun", "arsen"].filter(function (p) { return text.indexOf(p) === 0; })[0];
      var p1 = prefix ? prefix.length : region(0);
      var p2 = region(p1);

      // Step 1a.
      if (ends("'s'")) replace(3, "");
      else if (ends("'s")) replace(2, "");
      else if (ends("'")) replace(1, "");
      if (ends("sses")) replace(4, "ss");
      else if (ends("ied") || ends("ies")) replace(3, w.length - 3 >= 2 ? "i" : "ie");
      else if (ends("ss") || ends("us")) { /* kept */ }
      else if (ends("s")) {
        for (var j = w.length - 3; j >= 0; j--) if (vowel(w[j])) { replace(1, ""); break; }
      }

      if (kept.indexOf(w.join("")) < 0) {
        // Step 1b.
        var s1b = longest(["eedly", "ingly", "edly", "eed", "ing", "ed"]);
        if (s1b === "eedly" || s1b === "eed") {
          if (w.length - s1b.length >= p1) replace(s1b.length, "ee");
        } else if (s1b) {
          var before = w.slice(0, w.length - s1b.length);
          if (before.some(vowel)) {
            replace(s1b.length, "");
            if (ends("at") || ends("bl") || ends("iz")) w.push("e");
            else if (["bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt"].some(ends)) w.pop();
            else if (w.length === p1 && shortv(w.length)) w.push("e");
          }
        }
        // Step 1c.
        if ((ends("y") || ends("Y")) && w.length > 2 && !vowel(w[w.length - 2])) replace(1, "i");
        // Step 2.
        var s2 = longest(step2);
        if (s2 && w.length - s2[0].length >= p1) {
          var at2 = w.length - s2[0].length;
          if (s2[0] === "ogi") { if (w[at2 - 1] === "l") replace(3, "og"); }
          else if (s2[0] === "li") { if (at2 > 0 && validLi(w[at2 - 1])) replace(2, ""); }
          else replace(s2[0].length, s2[1]);
        }
        // Step 3.
        var s3 = longest(step3);
        if (s3 && w.length - s3[0].length >= p1 && (s3[0] !== "ative" || w.length - 5 >= p2)) {
          replace(s3[0].length, s3[1]);
        }
        // Step 4.
        var s4 = longest(step4);
        if (s4 && w.length - s4.length >= p2) {
          var at4 = w.length - s4.length;
          if (s4 !== "ion") replace(s4.length, "");
          else if (at4 > 0 && (w[at4 - 1] === "s" || w[at4 - 1] === "t")) replace(3, "");
        }
        // Step 5.
        var last = w.length - 1;
        if (w[last] === "e") {
          if (last >= p2 || (last >= p1 && !shortv(last))) w.pop();
        } else if (w[last] === "l") {
          if (last >= p2 && w[last - 1] === "l") w.pop();
        }
      }
      var out = w.join("");
      return yFound ? out.replace(/Y/g, "y") : out;
    };
})();

  // Snowball's German stemmer, ported from its source like the English one above and held
  // to rust-stemmers' German stems by tests/browser.rs. Words are lowercase.
  var stemDe = (function () {
    function vowel(c) { return "aeiouyäöü".indexOf(c) >= 0 && c.length === 1; }
    function sEnding(c) { return "bdfghklmnrt".indexOf(c) >= 0 && c.length === 1; }
    function stEnding(c) { return "bdfghklmnt".indexOf(c) >= 0 && c.length === 1; }
    return function (word) {
      // Prelude: ß is ss; u and y between vowels are consonants (U, Y).
      var w = Array.from(word.replace(/ß/g, "ss"));
      for (var i = 1; i + 1 < w.length; i++) {
        if (vowel(w[i - 1]) && (w[i] === "u" || w[i] === "y") && vowel(w[i + 1])) w[i] = w[i].toUpperCase();
      }
      // R1 starts after the first non-vowel that follows a vowel, and at 3 at least; R2
      // after the next such pair.
      var p1 = w.length, p2 = w.length;
      function past(from) {
        var j = from;
        while (j < w.length && !vowel(w[j])) j++;
        if (j >= w.length) return -1;
        j++;
        while (j < w.length && vowel(w[j])) j++;
        return j >= w.length ? -1 : j + 1;
      }
      if (w.length >= 3) {
        var r1 = past(0);
        if (r1 >= 0) {
          p1 = Math.max(r1, 3);
          var r2 = past(r1);
          if (r2 >= 0) p2 = r2;
        }
      }
      function ends(suffix) {
        var s = Array.from(suffix);
        if (s.length > w.length) return false;
        for (var k = 1; k <= s.length; k++) if (w[w.length - k] !== s[s.length - k]) return false;
        return true;
      }
      function longest(list) {
        var best = null;
        list.forEach(function (s) { if (ends(s) && (!best || s.length > best.length)) best = s; });
        return best;
      }
      function cut(n) { w.length -= n; }
      // Step 1.
      var s1 = longest(["em", "ern", "er", "e", "en", "es", "s"]);
      if (s1 && w.length - s1.length >= p1) {
        var at1 = w.length - s1.length;
        if (s1 === "s") { if (at1 > 0 && sEnding(w[at1 - 1])) cut(1); }
        else {
          cut(s1.length);
          if ((s1 === "e" || s1 === "en" || s1 === "es") && ends("niss")) cut(1);
        }
      }
      // Step 2.
      var s2 = longest(["en", "er", "est", "st"]);
      if (s2 && w.length - s2.length >= p1) {
        var at2 = w.length - s2.length;
        if (s2 !== "st") cut(s2.length);
        else if (at2 >= 4 && stEnding(w[at2 - 1])) cut(2);
      }
      // Step 3.
      var s3 = longest(["end", "ung", "ig", "ik", "isch", "lich", "heit", "keit"]);
      if (s3 && w.length - s3.length >= p2) {
        var at3 = w.length - s3.length;
        if (s3 === "end" || s3 === "ung") {
          cut(s3.length);
          if (ends("ig") && w[w.length - 3] !== "e" && w.length - 2 >= p2) cut(2);
        } else if (s3 === "ig" || s3 === "ik" || s3 === "isch") {
          if (w[at3 - 1] !== "e") cut(s3.length);
        } else if (s3 === "lich" || s3 === "heit") {
          cut(s3.length);
          if ((ends("er") || ends("en")) && w.length - 2 >= p1) cut(2);
        } else {
          cut(4);
          var s4 = longest(["lich", "ig"]);
          if (s4 && w.length - s4.length >= p2) cut(s4.length);
        }
      }
      // Postlude.
      var folded = { Y: "y", U: "u", "ä": "a", "ö": "o", "ü": "u" };
      return w.map(function (c) { return folded[c] || c; }).join("");
    };
  })();

  // The page's language picks the stemmer: German pages (a playbook's `de` tree) stem
  // German, fold ß to ss and drop umlauts' dots; every other page stems English.
  var german = /^de(-|$)/i.test(document.documentElement.lang || "");
  function fold(text) { return text.normalize("NFD").replace(/\p{M}+/gu, ""); }
  var stems = Object.create(null);
  function terms(text) {
    if (german) {
      return (text || "").toLowerCase().normalize("NFC")
        .split(/[^\p{L}\p{N}]+/u).filter(Boolean)
        .map(function (word) {
          return { w: fold(word.replace(/ß/g, "ss")), s: stems[word] || (stems[word] = fold(stemDe(word))) };
        });
    }
    return fold((text || "").toLowerCase())
      .split(/[^\p{L}\p{N}]+/u).filter(Boolean)
      .map(function (word) { return { w: word, s: stems[word] || (stems[word] = stem(word)) }; });
  }
  // For the tests: the terms of a text, and the stem of a word in each language.
  window.rolebookTerms = { terms: terms, stem: stem, stemDe: stemDe };

  // ---- search -------------------------------------------------------------------------
  var form = document.querySelector("form.search");
  if (!form) return;
  var input = form.querySelector("input");
  var list = form.querySelector(".search-results");
  var root = form.getAttribute("data-root") || "/";
  var entries = null;
  var loading = false;
  var active = -1;

  var waiting = [];

  // Load the index once; whatever asked for it while it loads runs when it arrives.
  function load(then) {
    if (entries) return then();
    waiting.push(then);
    if (loading) return;
    loading = true;
    var script = document.createElement("script");
    script.src = form.getAttribute("data-index");
    script.onload = function () {
      entries = window.rolebookSearch || [];
      waiting.splice(0).forEach(function (f) { f(); });
    };
    script.onerror = function () { loading = false; waiting = []; };
    document.head.appendChild(script);
  }

  // Each entry's fields as terms, with the weight of a match in them; made once, on load.
  function fieldsOf(entry) {
    if (!entry.terms) {
      entry.terms = [[entry.t, 8], [(entry.g || []).join(" "), 4], [(entry.h || []).join(" "), 2],
        [entry.s, 1], [entry.o, 1], [(entry.c || []).join(" "), 1]]
        .map(function (field) { return [terms(field[0]), field[1]]; });
    }
    return entry.terms;
  }

  // A query word counts where an entry has the word or its stem ("evals" finds "eval"), at
  // double weight, or a word or stem it begins (as you type; "evals" finds "evaluation").
  function score(entry, query) {
    var fields = fieldsOf(entry);
    var total = 0;
    for (var i = 0; i < query.length; i++) {
      var q = query[i];
      var best = 0;
      for (var f = 0; f < fields.length; f++) {
        var ws = fields[f][0];
        for (var w = 0; w < ws.length; w++) {
          if (ws[w].w === q.w || ws[w].s === q.s) best = Math.max(best, fields[f][1] * 2);
          else if (ws[w].w.indexOf(q.w) === 0 || ws[w].s.indexOf(q.s) === 0) best = Math.max(best, fields[f][1]);
        }
      }
      if (!best) return 0;
      total += best;
    }
    return total;
  }

  function select(index) {
    var items = list.querySelectorAll("[role=option][data-href]");
    active = Math.max(-1, Math.min(index, items.length - 1));
    items.forEach(function (item, i) { item.setAttribute("aria-selected", i === active ? "true" : "false"); });
    if (active >= 0) input.setAttribute("aria-activedescendant", items[active].id);
    else input.removeAttribute("aria-activedescendant");
  }

  function close() {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    active = -1;
  }

  function show() {
    var query = terms(input.value);
    list.textContent = "";
    if (!query.length) return close();
    var results = entries
      .map(function (e) { return { e: e, s: score(e, query) }; })
      .filter(function (r) { return r.s > 0; })
      .sort(function (a, b) { return b.s - a.s || a.e.t.localeCompare(b.e.t); })
      .slice(0, 8);
    if (!results.length) {
      // A listbox holds options only: the message is one that cannot be chosen.
      var none = document.createElement("li");
      none.className = "search-empty";
      none.setAttribute("role", "option");
      none.setAttribute("aria-disabled", "true");
      none.textContent = form.getAttribute("data-no-results") || "No role or guide matches.";
      list.appendChild(none);
    }
    // Each result is an option, not a link inside one (a control inside a control is
    // skipped or read twice by screen readers): Enter or a click goes to its page.
    results.forEach(function (r, i) {
      var item = document.createElement("li");
      item.id = "search-result-" + i;
      item.setAttribute("role", "option");
      item.setAttribute("data-href", root + r.e.u);
      var link = document.createElement("span");
      link.className = "search-option";
      var title = document.createElement("span");
      title.className = "search-title";
      title.textContent = r.e.t;
      var kind = document.createElement("span");
      kind.className = "search-kind";
      kind.textContent = r.e.k;
      var summary = document.createElement("span");
      summary.className = "search-summary";
      summary.textContent = r.e.s;
      link.append(title, " ", kind, summary);
      item.appendChild(link);
      list.appendChild(item);
    });
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
    select(results.length ? 0 : -1);
  }

  input.addEventListener("focus", function () { load(function () {}); });
  input.addEventListener("input", function () { load(show); });
  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown") { select(active + 1); event.preventDefault(); }
    else if (event.key === "ArrowUp") { select(active - 1); event.preventDefault(); }
    else if (event.key === "Escape") { close(); }
    else if (event.key === "Enter") {
      var items = list.querySelectorAll("[role=option][data-href]");
      if (active >= 0 && items[active]) { location.href = items[active].getAttribute("data-href"); event.preventDefault(); }
    }
  });
  list.addEventListener("click", function (event) {
    var option = event.target.closest && event.target.closest("[role=option][data-href]");
    if (option) location.href = option.getAttribute("data-href");
  });
  document.addEventListener("click", function (event) {
    if (!form.contains(event.target)) close();
  });
})();
