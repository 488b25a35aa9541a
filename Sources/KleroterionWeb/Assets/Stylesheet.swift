/// The app's one style sheet, served by the app itself (no external font or asset).
/// Colours meet WCAG AA contrast (4.5:1 for text); the layout is one column below 760 px.
enum Stylesheet {
    static let css = #"""
    :root { --ink: #1b1f24; --muted: #4a5360; --line: #c9d1da; --bg: #ffffff; --soft: #f3f5f8; --accent: #0b5cad;
            --accent-ink: #ffffff; --ok: #1d6b32; --bad: #a4161a; --warn: #7a4b00; }
    * { box-sizing: border-box; }
    html { font-size: 100%; }
    body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: var(--ink);
           background: var(--bg); line-height: 1.5; }
    a { color: var(--accent); }
    a:focus, button:focus, input:focus, select:focus, textarea:focus { outline: 3px solid #f0a500; outline-offset: 2px; }
    .skip { position: absolute; left: -9999px; top: 0; background: var(--ink); color: #fff; padding: .5rem 1rem; }
    .skip:focus { left: 0; z-index: 10; }
    header.top { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: .5rem 1.5rem;
                 padding: .75rem 1.5rem; background: var(--ink); color: #fff; }
    header.top a { color: #fff; text-decoration: none; }
    header.top a:hover { text-decoration: underline; }
    .brand { font-weight: 700; font-size: 1.25rem; letter-spacing: .02em; }
    header.top nav { display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; }
    .user { color: #d7dde5; }
    .page { max-width: 72rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
    .page.with-steps { display: grid; grid-template-columns: 15rem 1fr; gap: 2rem; }
    nav.steps ol { list-style: none; padding: 0; margin: 0; }
    nav.steps li { padding: .4rem .5rem; border-left: 4px solid var(--line); margin-bottom: .25rem; }
    nav.steps li.done { border-left-color: var(--ok); }
    nav.steps li.waiting a { color: var(--muted); }
    nav.steps a[aria-current] { font-weight: 700; color: var(--ink); }
    nav.steps .state { display: block; font-size: .85rem; color: var(--muted); }
    .assembly-name { font-weight: 700; margin: .5rem 0 1rem; }
    main { min-width: 0; }
    h1 { font-size: 1.75rem; margin: .5rem 0 1rem; }
    h2 { font-size: 1.3rem; margin-top: 2rem; }
    .lead { font-size: 1.15rem; color: var(--muted); }
    .form { display: grid; gap: .35rem; max-width: 36rem; }
    .form > * { min-width: 0; }
    .form select, .form input:not([type=checkbox]):not([type=file]) { width: 100%; }
    .form label { font-weight: 600; margin-top: .6rem; }
    .form label.check { font-weight: 400; margin-top: .1rem; }
    fieldset label.check { display: block; margin: .2rem 0; }
    input, select, textarea { font: inherit; padding: .45rem .6rem; border: 1px solid #6b7683; border-radius: 4px; max-width: 100%; }
    input[type=checkbox] { width: 1.1rem; height: 1.1rem; vertical-align: middle; }
    button, .button { font: inherit; font-weight: 600; padding: .55rem 1.2rem; border-radius: 4px; border: 2px solid var(--accent);
             background: var(--accent); color: var(--accent-ink); cursor: pointer; justify-self: start; margin-top: .8rem;
             text-decoration: none; display: inline-block; }
    button.secondary, .button.secondary { background: #fff; color: var(--accent); }
    button.danger { background: var(--bad); border-color: var(--bad); }
    button:disabled { opacity: .6; cursor: wait; }
    fieldset { border: 1px solid var(--line); border-radius: 4px; margin-top: .8rem; }
    legend { font-weight: 600; }
    .error, .field-error:not(:empty) { color: var(--bad); font-weight: 600; }
    .field-error { margin: 0; }
    .ok { color: var(--ok); font-weight: 600; }
    .warn { color: var(--warn); font-weight: 600; }
    .banner { padding: .6rem 1rem; border-radius: 4px; }
    .banner.private { background: #fff4e5; border: 1px solid #e0a040; color: #5a3500; }
    .banner.public { background: #eaf6ec; border: 1px solid #5aa469; color: #17431f; }
    .table-wrap { overflow-x: auto; max-width: 100%; }
    table { border-collapse: collapse; margin: .5rem 0 1rem; min-width: 20rem; }
    th, td { text-align: left; padding: .35rem .7rem; border-bottom: 1px solid var(--line); vertical-align: top; }
    thead th { background: var(--soft); }
    td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
    td input { width: 5.5rem; }
    dl.figures { display: grid; grid-template-columns: max-content auto; gap: .3rem 1.5rem; }
    dl.figures dt { color: var(--muted); }
    dl.figures dd { margin: 0; font-weight: 600; font-variant-numeric: tabular-nums; }
    ul.cards, ol.step-cards { list-style: none; padding: 0; display: grid; gap: .6rem; }
    ul.cards li, ol.step-cards li { border: 1px solid var(--line); border-radius: 6px; padding: .7rem 1rem; }
    ol.step-cards li.done { border-left: 6px solid var(--ok); }
    .state { color: var(--muted); }
    .fingerprint { font-family: ui-monospace, "DejaVu Sans Mono", monospace; word-break: break-all; background: var(--soft); padding: .5rem; }
    article.announcement { background: var(--soft); padding: .5rem 1.25rem 1rem; border-radius: 4px; overflow-wrap: anywhere; }
    article.announcement code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .9em; }
    .verdict { font-size: 1.4rem; font-weight: 700; }
    .job { border: 1px solid var(--line); border-radius: 6px; padding: 1rem 1.25rem; }
    .state-done { color: var(--ok); } .state-failed { color: var(--bad); } .state-cancelled { color: var(--warn); }
    footer { border-top: 1px solid var(--line); color: var(--muted); padding: 1rem 1.5rem; font-size: .9rem; }
    @media (max-width: 760px) {
      .page, .page.with-steps { display: block; padding: .75rem 1rem 2rem; }
      nav.steps ol { display: flex; flex-wrap: wrap; gap: .25rem; }
      nav.steps li { margin: 0; flex: 1 1 45%; }
      h1 { font-size: 1.45rem; }
      table { min-width: 0; }
      th, td { padding: .3rem .35rem; }
      td input { width: 3.6rem; padding: .3rem .35rem; }
      .table-wrap { margin: 0 -.5rem; }
    }
    @media print { header.top, nav.steps, footer, form, .skip { display: none; } .page.with-steps { display: block; } }
    """#
}

/// The app's one script: uploads with a progress bar (the file is the request body, so the server can stream it to
/// disk), live job progress, and a table filter. Everything else works without JavaScript.
enum Script {
    static let js = #"""
    "use strict";
    document.addEventListener("DOMContentLoaded", function () {
      document.querySelectorAll("form[data-upload]").forEach(function (form) {
        form.addEventListener("submit", function (event) {
          event.preventDefault();
          var input = form.querySelector("input[type=file]");
          var error = form.querySelector(".field-error");
          var bar = form.querySelector("progress");
          var button = form.querySelector("button");
          if (!input.files.length) { return; }
          var file = input.files[0];
          var extra = form.querySelectorAll("[data-query]");
          var url = form.getAttribute("data-upload");
          var query = [];
          extra.forEach(function (el) { if (el.value) { query.push(encodeURIComponent(el.name) + "=" + encodeURIComponent(el.value)); } });
          if (query.length) { url += (url.indexOf("?") < 0 ? "?" : "&") + query.join("&"); }
          var xhr = new XMLHttpRequest();
          xhr.open("PUT", url);
          xhr.setRequestHeader("X-CSRF-Token", form.querySelector("input[name=csrf]").value);
          xhr.setRequestHeader("X-File-Name", encodeURIComponent(file.name));
          xhr.setRequestHeader("Content-Type", form.getAttribute("data-type") || "text/csv");
          bar.hidden = false; button.disabled = true; error.textContent = "";
          xhr.upload.onprogress = function (e) { if (e.lengthComputable) { bar.value = Math.round(100 * e.loaded / e.total); } };
          xhr.onload = function () {
            var reply = {};
            try { reply = JSON.parse(xhr.responseText); } catch (e) {}
            if (xhr.status >= 200 && xhr.status < 300) { window.location.href = reply.next || window.location.href; return; }
            bar.hidden = true; button.disabled = false;
            error.textContent = reply.error || ("HTTP " + xhr.status);
            input.setAttribute("aria-invalid", "true");
            input.focus();
          };
          xhr.onerror = function () { bar.hidden = true; button.disabled = false; error.textContent = "Network error / Netwerkfout"; };
          xhr.send(file);
        });
      });
      var job = document.querySelector("[data-job]");
      if (job && job.querySelector("form")) {
        var poll = function () {
          fetch("/api/jobs/" + job.getAttribute("data-job"), { headers: { "Accept": "application/json" } })
            .then(function (r) { return r.json(); })
            .then(function (j) {
              if (j.state === "running") {
                job.querySelector(".job-progress").textContent = j.progress;
                setTimeout(poll, 700);
              } else { window.location.reload(); }
            })
            .catch(function () { setTimeout(poll, 2000); });
        };
        setTimeout(poll, 500);
      }
      document.querySelectorAll("button[data-print]").forEach(function (b) { b.addEventListener("click", function () { window.print(); }); });
      document.querySelectorAll("input[data-filter]").forEach(function (input) {
        var table = document.getElementById(input.getAttribute("data-filter"));
        input.addEventListener("input", function () {
          var q = input.value.toLowerCase();
          table.querySelectorAll("tbody tr").forEach(function (row) {
            row.hidden = q && row.textContent.toLowerCase().indexOf(q) < 0;
          });
        });
      });
    });
    """#
}
