// The editor's script. Every form works without it (plain POST); it adds
// checking as you type, the live preview, the item search, the size check of
// a chosen photo before it is sent, inserting a photo where the cursor is,
// and copying the Telegram text. Words it shows come from the page (data-t-*
// and data-too-large attributes, filled from the locale files).
(function () {
  "use strict";
  var token = (document.querySelector('meta[name="csrf-token"]') || {}).content || "";

  // «Скопіювати для Telegram»: the clipboard if the browser allows it, else the text selected.
  (function () {
    var box = document.querySelector(".share"), text = document.getElementById("share-text");
    var button = document.getElementById("share-copy"), status = document.getElementById("share-status");
    if (!box || !text || !button) { return; }
    button.hidden = false;
    function selected() {
      text.focus();
      text.select();
      var copied = false;
      try { copied = document.execCommand("copy"); } catch (error) { copied = false; }
      status.textContent = box.getAttribute(copied ? "data-t-copied" : "data-t-select");
    }
    button.addEventListener("click", function () {
      try {
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(text.value).then(function () {
            status.textContent = box.getAttribute("data-t-copied");
          }, selected);
          return;
        }
      } catch (error) { /* a refused permission must not stop the page */ }
      selected();
    });
  })();

  var form = document.querySelector("form[data-check]");
  if (!form) { return; }
  var timer = null, running = 0;

  // Checking as you type: the problems by their fields, and the preview.
  function show(result) {
    var fields = result.fields || {};
    form.querySelectorAll("[data-problems]").forEach(function (box) {
      var messages = fields[box.getAttribute("data-problems")] || [];
      box.textContent = "";
      messages.forEach(function (problem) {
        var p = document.createElement("p");
        p.textContent = problem.text;
        if (problem.warning) { p.className = "warning"; }
        box.appendChild(p);
      });
      var control = document.getElementById(box.id.replace(/-problems$/, ""));
      if (control) {
        if (messages.some(function (m) { return !m.warning; })) { control.setAttribute("aria-invalid", "true"); }
        else { control.removeAttribute("aria-invalid"); }
      }
    });
    var preview = document.getElementById("preview");
    if (preview && typeof result.preview === "string") { preview.innerHTML = result.preview; }
    var file = document.getElementById("file-path");
    if (file && typeof result.file === "string") {
      file.textContent = result.file;
      file.parentNode.hidden = !result.file;
    }
  }
  function problemsOf(name, texts) {
    var box = form.querySelector('[data-problems="' + name + '"]');
    if (!box) { return; }
    box.textContent = "";
    texts.forEach(function (text) { var p = document.createElement("p"); p.textContent = text; box.appendChild(p); });
    var control = document.getElementById(box.id.replace(/-problems$/, ""));
    if (control) {
      if (texts.length) { control.setAttribute("aria-invalid", "true"); } else { control.removeAttribute("aria-invalid"); }
    }
  }
  function check() {
    var mine = ++running;
    fetch(form.getAttribute("data-check"), {method: "POST", body: new FormData(form), credentials: "same-origin",
                                            headers: {"X-CSRF-Token": token}})
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (result) { if (result && mine === running) { show(result); } })
      .catch(function () {});
  }
  function later() { clearTimeout(timer); timer = setTimeout(check, 500); }
  form.addEventListener("input", later);
  form.addEventListener("change", later);

  // A photo larger than the limit is said at once, before anything is sent; the form keeps it chosen
  // (the person picks a smaller one) and is not sent while it is there.
  function tooLarge(input) {
    var max = parseInt(input.getAttribute("data-max"), 10);
    return input.files && input.files.length && max > 0 && input.files[0].size > max;
  }
  form.querySelectorAll("input[type=file][data-max]").forEach(function (input) {
    input.addEventListener("change", function () {
      problemsOf(input.name, tooLarge(input) ? [input.getAttribute("data-too-large")] : []);
    });
  });
  form.addEventListener("submit", function (event) {
    var large = Array.prototype.filter.call(form.querySelectorAll("input[type=file][data-max]"), tooLarge);
    if (large.length) {
      event.preventDefault();
      problemsOf(large[0].name, [large[0].getAttribute("data-too-large")]);
      large[0].focus();
    }
  });

  // «Вставити в текст»: the photo is kept by the editor and its Markdown goes where the cursor is.
  (function () {
    var button = document.getElementById("insert-photo"), body = document.getElementById("f-body");
    var photo = document.getElementById("f-photo"), alt = document.getElementById("f-photo-alt");
    var pending = document.getElementById("pending-photos"), status = document.getElementById("photo-status");
    if (!button || !body || !photo || !alt || !pending) { return; }
    var start = 0, end = 0;
    function remember() { start = body.selectionStart; end = body.selectionEnd; }
    body.addEventListener("keyup", remember);
    body.addEventListener("click", remember);
    body.addEventListener("blur", remember);
    button.addEventListener("click", function (event) {
      event.preventDefault();
      if (tooLarge(photo)) { problemsOf("photo", [photo.getAttribute("data-too-large")]); photo.focus(); return; }
      var data = new FormData(form);
      fetch(form.getAttribute("data-photo"), {method: "POST", body: data, credentials: "same-origin", headers: {"X-CSRF-Token": token}})
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (result) {
          if (!result) { return; }
          var fields = result.fields || {};
          ["photo", "photo_alt"].forEach(function (name) {
            problemsOf(name, (fields[name] || []).map(function (p) { return p.text; }));
          });
          if (!result.markdown) { return; }
          var text = body.value, before = text.slice(0, start), after = text.slice(end);
          var gapBefore = before === "" || /\n\n$/.test(before) ? "" : (/\n$/.test(before) ? "\n" : "\n\n");
          var gapAfter = after === "" || /^\n\n/.test(after) ? "" : (/^\n/.test(after) ? "\n" : "\n\n");
          body.value = before + gapBefore + result.markdown + gapAfter + after;
          start = end = (before + gapBefore + result.markdown).length;
          var input = document.createElement("input");
          input.type = "hidden";
          input.name = "pending_photo";
          input.value = result.id;
          pending.appendChild(input);
          photo.value = "";
          alt.value = "";
          status.textContent = button.getAttribute("data-t-inserted") || "";
          later();
        })
        .catch(function () {});
    });
  })();

  // The item search: finds measures, goals, indicators and plans, adds the reference.
  (function () {
    var search = document.getElementById("item-search");
    var items = document.getElementById("f-items");
    if (!search || !items) { return; }
    var box = search.parentNode;
    function say(name) { return box.getAttribute("data-t-" + name) || ""; }
    box.hidden = false;
    var loading = null, drawn = 0, results = document.getElementById("item-results"), count = document.getElementById("item-search-count");
    // One request for the list, however many keystrokes arrive before it does.
    function load() {
      if (!loading) {
        loading = fetch(search.getAttribute("data-items"), {credentials: "same-origin"})
          .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
          .catch(function (error) { loading = null; throw error; });
      }
      return loading;
    }
    function render() {
      // Only the newest keystroke draws: an older one finishing later must not replace its results.
      var mine = ++drawn;
      var words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
      load().then(function (all) {
        if (mine !== drawn) { return; }
        results.textContent = "";
        if (!words.length) { count.textContent = ""; return; }
        var found = all.filter(function (item) {
          var text = (item.label + " " + item.ref).toLowerCase();
          return words.every(function (w) { return text.indexOf(w) >= 0; });
        });
        count.textContent = say("found").replace("{count}", found.length) + (found.length > 15 ? " " + say("shown").replace("{count}", 15) : "");
        found.slice(0, 15).forEach(function (item) {
          var li = document.createElement("li"), button = document.createElement("button");
          button.type = "button";
          button.textContent = say("add") + " " + item.label;
          button.setAttribute("data-ref", item.ref);
          button.addEventListener("click", function () {
            var lines = items.value.split(/\r?\n/).map(function (l) { return l.trim(); }).filter(Boolean);
            if (lines.indexOf(item.ref) < 0) { lines.push(item.ref); }
            items.value = lines.join("\n");
            count.textContent = say("added") + " " + item.ref;
            later();
            search.focus();
          });
          li.appendChild(button);
          results.appendChild(li);
        });
      }, function () { if (mine === drawn) { count.textContent = say("failed"); } });
    }
    search.addEventListener("input", render);
  })();
})();
