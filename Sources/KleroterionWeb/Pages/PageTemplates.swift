/// The page templates (Mustache). They are Swift strings, not resource files, so that the one `kleroterion`
/// binary (and the Debian package) carries them without a resource bundle to lose.
enum PageTemplates {
    static var all: [(String, String)] {
        [("layout", layout), ("home", home), ("overview", overview), ("message", message), ("job", job), ("login", login), ("quotas", quotas)]
            + registerPages + stepPages
    }

    static let layout = #"""
    <!doctype html>
    <html lang="{{lang}}">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>{{title}} · {{t.app}}</title>
    <link rel="stylesheet" href="/static/app.css">
    <script src="/static/app.js" defer></script>
    </head>
    <body>
    <a class="skip" href="#main">{{t.skip}}</a>
    <header class="top">
      <a class="brand" href="/">{{t.app}}</a>
      <nav aria-label="{{t.home}}">
        <a href="/">{{t.home}}</a>
        <a href="/verify">{{t.verify}}</a>
        <a href="?lang={{other_lang}}" hreflang="{{other_lang}}" lang="{{other_lang}}">{{t.lang_switch}}</a>
        {{#user}}<span class="user">{{user}}</span>{{/user}}
      </nav>
    </header>
    <div class="page{{#assembly}} with-steps{{/assembly}}">
    {{#assembly}}
    <nav class="steps" aria-label="{{t.steps}}">
      <p class="assembly-name"><a href="/assemblies/{{id}}">{{name}}</a></p>
      <ol>
      {{#steps}}
        <li class="{{#done}}done{{/done}}{{^ready}} waiting{{/ready}}"><a href="{{href}}"{{#current}} aria-current="page"{{/current}}>{{label}}</a> <span class="state">{{state}}</span></li>
      {{/steps}}
      </ol>
    </nav>
    {{/assembly}}
    <main id="main">
    {{#personal}}<p class="banner private" role="note">{{t.private_page}}</p>{{/personal}}
    <h1>{{title}}</h1>
    {{{content}}}
    </main>
    </div>
    <footer><p>{{t.footer}}</p></footer>
    </body>
    </html>
    """#

    static let home = #"""
    <p class="lead">{{t.tagline}}</p>
    <section aria-labelledby="list">
    <h2 id="list">{{t.assemblies}}</h2>
    {{^assemblies}}<p>{{t.no_assemblies}}</p>{{/assemblies}}
    {{#has_assemblies}}
    <ul class="cards">
    {{#assemblies}}
      <li><a href="/assemblies/{{id}}"><strong>{{name}}</strong></a><br><span>{{municipality}} · {{panelSize}} · {{referenceDate}}</span></li>
    {{/assemblies}}
    </ul>
    {{/has_assemblies}}
    </section>
    <section aria-labelledby="new">
    <h2 id="new">{{t.new_assembly}}</h2>
    {{#error}}<p class="error" role="alert" id="form-error">{{error}}</p>{{/error}}
    <form method="post" action="/assemblies" class="form">
      <input type="hidden" name="csrf" value="{{csrf}}">
      <label for="name">{{t.name}}</label>
      <input id="name" name="name" required maxlength="200" value="{{form.name}}" placeholder="Burgerberaad Zeist 2026">
      <label for="municipality">{{t.municipality}}</label>
      <input id="municipality" name="municipality" required maxlength="200" value="{{form.municipality}}">
      <label for="panelSize">{{t.panel_size}}</label>
      <input id="panelSize" name="panelSize" type="number" min="1" max="100000" required value="{{form.panelSize}}">
      <label for="referenceDate">{{t.reference_date}}</label>
      <input id="referenceDate" name="referenceDate" type="date" required value="{{form.referenceDate}}">
      <label for="language">{{t.language}}</label>
      <select id="language" name="language">
        <option value="nl">Nederlands</option>
        <option value="en">English</option>
        <option value="de">Deutsch</option>
      </select>
      <button type="submit">{{t.create}}</button>
    </form>
    </section>
    """#

    static let overview = #"""
    <p>{{assembly.municipality}} · {{t.panel_size}}: {{assembly.panelSize}} · {{t.reference_date}}: {{assembly.referenceDate}}</p>
    <ol class="step-cards">
    {{#steps}}
      <li class="{{#done}}done{{/done}}"><a href="{{href}}">{{label}}</a> <span class="state">{{state}}</span></li>
    {{/steps}}
    </ol>
    <h2>{{t.audit_log}}</h2>
    <div class="table-wrap"><table>
    <thead><tr><th scope="col">{{t.when}}</th><th scope="col">{{t.who}}</th><th scope="col">{{t.what}}</th></tr></thead>
    <tbody>
    {{#audit}}<tr><td>{{at}}</td><td>{{actor}}</td><td>{{action}}{{#detail}}: {{detail}}{{/detail}}</td></tr>{{/audit}}
    </tbody></table></div>
    """#

    static let message = #"""
    {{#error}}<p class="error" role="alert">{{error}}</p>{{/error}}
    {{#text}}<p>{{text}}</p>{{/text}}
    {{#back}}<p><a href="{{back}}">{{t.back}}</a></p>{{/back}}
    """#

    /// A background job's progress: updated live by app.js from /api/jobs/ID, with a cancel button.
    static let job = #"""
    <section class="job" data-job="{{job.id}}" data-done="{{done_href}}" aria-live="polite">
      <p class="job-state"><strong class="state-{{job.state}}">{{state}}</strong></p>
      <p class="job-progress">{{job.progress}}</p>
      {{#job.message}}<p class="job-message{{#failed}} error{{/failed}}">{{job.message}}</p>{{/job.message}}
      {{#running}}
      <form method="post" action="/jobs/{{job.id}}/cancel">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <button type="submit" class="secondary">{{t.cancel}}</button>
      </form>
      {{/running}}
      {{^running}}<p><a href="{{done_href}}">{{t.back}}</a></p>{{/running}}
    </section>
    """#
}

extension PageTemplates {
    static let login = #"""
    {{#error}}<p class="error" role="alert">{{error}}</p>{{/error}}
    <form method="post" action="/login" class="form">
      <input type="hidden" name="csrf" value="{{csrf}}">
      <input type="hidden" name="next" value="{{next}}">
      <label for="name">{{t.account_name}}</label>
      <input id="name" name="name" autocomplete="username" required>
      <label for="password">{{t.password}}</label>
      <input id="password" name="password" type="password" autocomplete="current-password" required>
      <button type="submit">{{t.login}}</button>
    </form>
    """#
}
