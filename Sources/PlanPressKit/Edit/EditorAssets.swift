/// The editor's stylesheet and script. The forms work without the script (plain
/// POST); it only adds checking as you type, the live preview and the item search.
enum EditorAssets {
    static let css = """
    *{box-sizing:border-box}
    body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:#fff}
    header,main{max-width:68rem;margin:0 auto;padding:0 1rem}
    header{border-bottom:1px solid #767676}
    nav ul{list-style:none;display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;padding:0;margin:.75rem 0}
    a{color:#0b4f9c}
    a:focus,button:focus,input:focus,select:focus,textarea:focus,main:focus,.summary:focus{outline:3px solid #c25e00;outline-offset:2px}
    .skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem;z-index:10}
    .note{font-size:.9rem;color:#444;margin:.25rem 0 .75rem}
    label{display:block;font-weight:600;margin-bottom:.2rem}
    .field{margin:0 0 1.1rem}
    .field input[type=checkbox]+label{display:inline}
    .hint{margin:.1rem 0 .3rem;color:#444;font-size:.92rem}
    .required{font-weight:400;color:#444;font-size:.9rem}
    input[type=text],input[type=date],input[type=search],select,textarea{width:100%;max-width:100%;font:inherit;padding:.45rem .5rem;border:1px solid #595959;border-radius:3px;background:#fff;color:#1a1a1a}
    textarea{resize:vertical}
    .mono,textarea[name=body]{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.95rem}
    [aria-invalid=true]{border:2px solid #b00020}
    .problems p{margin:.3rem 0 0;color:#b00020;font-weight:600}
    fieldset{border:1px solid #767676;border-radius:4px;margin:0 0 1.2rem;padding:.75rem 1rem}
    legend{font-weight:700;padding:0 .3rem}
    button,.button{display:inline-block;font:inherit;font-weight:600;padding:.55rem 1.1rem;border-radius:4px;border:2px solid #0b4f9c;background:#0b4f9c;color:#fff;cursor:pointer;text-decoration:none}
    .item-results{list-style:none;padding:0;margin:.3rem 0 1rem}
    .item-results button{background:#fff;color:#0b4f9c;text-align:left;width:100%;margin:.15rem 0;font-weight:400}
    .summary{border:3px solid #b00020;padding:.5rem 1rem;margin:1rem 0;border-radius:4px}
    .summary h2{margin:.3rem 0;font-size:1.15rem}
    .saved{border:3px solid #1b6e2f;padding:.5rem 1rem;margin:1rem 0;border-radius:4px}
    .preview{border:1px dashed #767676;padding:.5rem 1rem;min-height:3rem;overflow-wrap:anywhere}
    .scroll{overflow-x:auto}
    table{border-collapse:collapse;width:100%}
    caption{text-align:left;font-weight:600;padding:.3rem 0}
    th,td{border:1px solid #b3b3b3;padding:.4rem;vertical-align:top;text-align:left}
    table.measures th[scope=row]{font-weight:400;min-width:14rem}
    .number{font-weight:700}
    .cell-label{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
    .indicator .row{display:grid;grid-template-columns:repeat(auto-fit,minmax(12rem,1fr));gap:0 1rem}
    code{overflow-wrap:anywhere}
    @media (max-width:44rem){
      table.measures,table.measures tbody,table.measures tr,table.measures th,table.measures td{display:block;width:100%}
      table.measures thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
      table.measures tr{border-bottom:3px solid #767676;margin-bottom:.5rem}
      table.measures .cell-label{position:static;width:auto;height:auto;clip:auto;white-space:normal}
    }

    """

    static let script = """
    (function () {
      "use strict";
      var token = (document.querySelector('meta[name="csrf-token"]') || {}).content || "";
      var form = document.querySelector("form[data-check]");
      if (!form) { return; }
      var timer = null, running = 0;
      function show(result) {
        var fields = result.fields || {};
        form.querySelectorAll("[data-problems]").forEach(function (box) {
          var name = box.getAttribute("data-problems");
          var messages = fields[name] || [];
          box.textContent = "";
          messages.forEach(function (text) { var p = document.createElement("p"); p.textContent = text; box.appendChild(p); });
          var control = document.getElementById(box.id.replace(/-problems$/, ""));
          if (control) {
            if (messages.some(function (m) { return m.indexOf("Помилка") === 0; })) { control.setAttribute("aria-invalid", "true"); }
            else { control.removeAttribute("aria-invalid"); }
          }
        });
        var preview = document.getElementById("preview");
        if (preview && typeof result.preview === "string") { preview.innerHTML = result.preview; }
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

      var search = document.getElementById("item-search");
      var items = document.getElementById("f-items");
      if (!search || !items) { return; }
      search.parentNode.hidden = false;
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
        var words = search.value.toLowerCase().split(/\\s+/).filter(Boolean);
        load().then(function (all) {
          if (mine !== drawn) { return; }
          results.textContent = "";
          if (!words.length) { count.textContent = ""; return; }
          var found = all.filter(function (item) {
            var text = (item.label + " " + item.ref).toLowerCase();
            return words.every(function (w) { return text.indexOf(w) >= 0; });
          });
          count.textContent = "Знайдено: " + found.length + (found.length > 15 ? " (показано 15)" : "");
          found.slice(0, 15).forEach(function (item) {
            var li = document.createElement("li"), button = document.createElement("button");
            button.type = "button";
            button.textContent = "Додати: " + item.label;
            button.setAttribute("data-ref", item.ref);
            button.addEventListener("click", function () {
              var lines = items.value.split(/\\r?\\n/).map(function (l) { return l.trim(); }).filter(Boolean);
              if (lines.indexOf(item.ref) < 0) { lines.push(item.ref); }
              items.value = lines.join("\\n");
              count.textContent = "Додано: " + item.ref;
              later();
              search.focus();
            });
            li.appendChild(button);
            results.appendChild(li);
          });
        }, function () { if (mine === drawn) { count.textContent = "Не вдалося завантажити список пунктів: спробуйте ще раз."; } });
      }
      search.addEventListener("input", render);
    })();

    """
}
