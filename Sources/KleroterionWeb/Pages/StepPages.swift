extension PageTemplates {
    static let stepPages: [(String, String)] = [
        ("invitations", invitations), ("registrations", registrations), ("commit", commit), ("announcement", announcement),
        ("draw", draw), ("panel", panel), ("dropouts", dropouts), ("privacy", privacy), ("verify", verify),
    ]

    static let invitations = #"""
    <p>{{t.invitations_intro}}</p>
    {{#error}}<p class="error" role="alert">{{error}}</p>{{/error}}
    {{#done}}
    <section aria-labelledby="result">
    <h2 id="result">{{t.invitations_done}}</h2>
    <dl class="figures"><dt>{{t.letters}}</dt><dd>{{letters}}</dd><dt>{{t.expected_registrations}}</dt><dd>{{expected}}</dd></dl>
    <div class="table-wrap"><table>
    <thead><tr><th scope="col">{{t.group}}</th><th scope="col" class="num">{{t.eligible_short}}</th><th scope="col" class="num">{{t.letters}}</th><th scope="col" class="num">{{t.expected_registrations}}</th></tr></thead>
    <tbody>{{#strata}}<tr><td>{{label}}</td><td class="num">{{population}}</td><td class="num">{{letters}}</td><td class="num">{{expected}}</td></tr>{{/strata}}</tbody>
    </table></div>
    <p><a class="button" href="/assemblies/{{id}}/invitations/letters.csv">{{t.download_letters}}</a>
       <a class="button secondary" href="/assemblies/{{id}}/invitations/invitations-report.md">{{t.download_invitations_report}}</a></p>
    </section>
    {{/done}}
    {{^has_register}}<p class="state">{{t.register_first}}</p>{{/has_register}}
    {{#has_register}}
    <section aria-labelledby="new-lottery">
    <h2 id="new-lottery">{{t.invitation_lottery}}</h2>
    <form method="post" action="/assemblies/{{id}}/invitations" class="form">
      <input type="hidden" name="csrf" value="{{csrf}}">
      <label for="count">{{t.letter_count}} ({{t.eligible}}: {{eligible}})</label>
      <input id="count" name="count" type="number" min="1" required value="{{count}}">
      <fieldset><legend>{{t.strata_legend}}</legend>
        <label class="check"><input type="checkbox" name="strata" value="district" checked> {{t.meaning_district}}</label>
        <label class="check"><input type="checkbox" name="strata" value="age_band"> {{t.age_band}}</label>
      </fieldset>
      <label class="check"><input type="checkbox" name="one_per_address" checked> {{t.one_per_address}}</label>
      <label for="seed">{{t.invitation_seed}}</label>
      <input id="seed" name="seed" required value="{{seed}}">
      {{#rates}}<p>{{t.rates_used}}: <strong>{{rates}}</strong></p>{{/rates}}
      <button type="submit">{{t.draw_invitations}}</button>
    </form>
    </section>
    <section aria-labelledby="rates">
    <h2 id="rates">{{t.rates_title}}</h2>
    <p>{{t.rates_intro}}</p>
    {{#upload}}{{> upload}}{{/upload}}
    </section>
    {{/has_register}}
    """#

    static let registrations = #"""
    <p>{{t.registrations_intro}}</p>
    {{#error}}<p class="error" role="alert">{{error}}</p>{{/error}}
    {{#added}}<p class="ok" role="status">{{added}}</p>{{/added}}
    {{#pool}}
    <section aria-labelledby="pool">
    <h2 id="pool">{{t.pool_title}}</h2>
    <p>{{t.registered}}: <strong>{{count}}</strong>{{#file}} ({{file}}){{/file}}</p>
    {{#has_flags}}<h3>{{t.flagged}}</h3><ul class="flags">{{#flags}}<li>{{.}}</li>{{/flags}}</ul>{{/has_flags}}
    {{#has_features}}
    <div class="table-wrap"><table>
    <thead><tr><th scope="col">{{t.feature}}</th><th scope="col">{{t.value}}</th><th scope="col" class="num">{{t.population_share}}</th><th scope="col" class="num">{{t.registered}}</th><th scope="col" class="num">{{t.share}}</th></tr></thead>
    <tbody>{{#features}}<tr><td>{{feature}}</td><th scope="row">{{value}}</th><td class="num">{{population}}</td><td class="num">{{count}}</td><td class="num">{{share}}</td></tr>{{/features}}</tbody>
    </table></div>
    {{/has_features}}
    </section>
    {{/pool}}
    <section aria-labelledby="up">
    <h2 id="up">{{t.respondents_upload}}</h2>
    {{#upload}}{{> upload}}{{/upload}}
    </section>
    {{#can_add}}
    <section aria-labelledby="add">
    <h2 id="add">{{t.add_by_code}}</h2>
    <form method="post" action="/assemblies/{{id}}/registrations/add" class="form">
      <input type="hidden" name="csrf" value="{{csrf}}">
      <label for="code">{{t.reply_code}}</label>
      <input id="code" name="code" required autocomplete="off" placeholder="ABCD-EFGH">
      {{#extra}}<label for="f-{{name}}">{{label}}</label><input id="f-{{name}}" name="f-{{name}}" required>{{/extra}}
      <button type="submit">{{t.add_respondent}}</button>
    </form>
    </section>
    {{/can_add}}
    """#

    static let commit = #"""
    <p>{{t.commit_intro}}</p>
    {{#error}}<p class="error" role="alert">{{error}}</p>{{/error}}
    {{#done}}
    <section aria-labelledby="committed">
    <h2 id="committed">{{t.committed}}</h2>
    <p>{{t.fingerprint}}:</p><p class="fingerprint">{{hash}}</p>
    <p>{{t.draw_not_before}}: <strong>{{not_before}}</strong></p>
    <p><a class="button" href="/assemblies/{{id}}/announcement">{{t.show_announcement}}</a>
       <a class="button secondary" href="/assemblies/{{id}}/published.zip">{{t.download_published}}</a></p>
    </section>
    {{/done}}
    {{^done}}{{#ready}}
    <form method="post" action="/assemblies/{{id}}/commit" class="form">
      <input type="hidden" name="csrf" value="{{csrf}}">
      <label for="seedFormat">{{t.seed_format}}</label>
      <select id="seedFormat" name="seedFormat">
        <option value="dice:10">{{t.format_dice}}</option>
        <option value="lotto:6/45">{{t.format_lotto}}</option>
        <option value="beacon:drand:ROUND">{{t.format_drand}}</option>
        <option value="text">{{t.format_text}}</option>
      </select>
      <label for="drandRound">{{t.drand_round}}</label>
      <input id="drandRound" name="drandRound" type="number" min="1">
      <label for="seedSource">{{t.seed_source}}</label>
      <input id="seedSource" name="seedSource" required placeholder="{{t.seed_source_example}}">
      <label for="notBefore">{{t.draw_not_before}}</label>
      <input id="notBefore" name="notBefore" type="datetime-local" required value="{{not_before_default}}">
      <label for="panels">{{t.panels}}</label>
      <input id="panels" name="panels" type="number" min="1" max="100000" value="1000">
      <button type="submit">{{t.commit_button}}</button>
    </form>
    {{/ready}}{{^ready}}<p class="state">{{t.commit_needs}}</p>{{/ready}}{{/done}}
    """#

    static let announcement = #"""
    <p class="banner public" role="note">{{t.public_page}}</p>
    <p>{{t.fingerprint}}:</p><p class="fingerprint">{{hash}}</p>
    <article class="announcement">{{{html}}}</article>
    <p><button type="button" data-print>{{t.print}}</button> <a class="button secondary" href="/assemblies/{{id}}/published.zip">{{t.download_published}}</a></p>
    """#

    static let draw = #"""
    {{#error}}<p class="error" role="alert">{{error}}</p>{{/error}}
    {{#done}}
    <p class="ok">{{t.drawn_with}} <strong>{{seed}}</strong>: {{t.panel_number}} {{number}}.</p>
    <p><a class="button" href="/assemblies/{{id}}/panel">{{t.show_panel}}</a>
       <a class="button secondary" href="/assemblies/{{id}}/report">{{t.show_report}}</a>
       <a class="button secondary" href="/assemblies/{{id}}/published.zip">{{t.download_published}}</a></p>
    {{/done}}
    {{^done}}{{#ready}}
    <p>{{t.draw_intro}} <strong>{{not_before}}</strong>.</p>
    {{#too_early}}<p class="warn" role="status">{{t.too_early}}</p>{{/too_early}}
    <form method="post" action="/assemblies/{{id}}/draw" class="form">
      <input type="hidden" name="csrf" value="{{csrf}}">
      <label for="seed">{{t.seed_observed}} ({{format}})</label>
      <input id="seed" name="seed" required autocomplete="off">
      <button type="submit">{{t.draw_button}}</button>
    </form>
    {{/ready}}{{^ready}}<p class="state">{{t.draw_needs}}</p>{{/ready}}{{/done}}
    """#

    static let panel = #"""
    <p>{{count}} {{t.members}}. <label for="filter">{{t.filter}}</label> <input id="filter" data-filter="members" type="search"></p>
    <div class="table-wrap"><table id="members">
    <thead><tr>{{#header}}<th scope="col">{{.}}</th>{{/header}}</tr></thead>
    <tbody>{{#rows}}<tr>{{#cells}}<td>{{.}}</td>{{/cells}}</tr>{{/rows}}</tbody>
    </table></div>
    <p><a class="button secondary" href="/assemblies/{{id}}/panel.csv">{{t.download_panel}}</a></p>
    """#

    static let dropouts = #"""
    <p>{{t.dropouts_intro}}</p>
    {{#error}}<p class="error" role="alert">{{error}}</p>{{/error}}
    {{#warning}}<p class="warn" role="status">{{warning}}</p>{{/warning}}
    {{#replaced}}<p class="ok" role="status">{{replaced}}</p>{{/replaced}}
    {{#has_members}}
    <form method="post" action="/assemblies/{{id}}/dropouts" class="form wide">
      <input type="hidden" name="csrf" value="{{csrf}}">
      <fieldset><legend>{{t.who_withdrew}}</legend>
      {{#members}}<label class="check"><input type="checkbox" name="dropout" value="{{id}}"> {{label}}</label>{{/members}}
      </fieldset>
      <label for="seed">{{t.replace_seed}}</label>
      <input id="seed" name="seed" required value="{{seed}}">
      <button type="submit">{{t.replace_button}}</button>
    </form>
    {{/has_members}}
    {{^has_members}}<p class="state">{{t.draw_first}}</p>{{/has_members}}
    """#

    static let privacy = #"""
    <p>{{t.privacy_intro}}</p>
    {{#deleted}}<p class="ok" role="status">{{t.deleted_at}} {{deleted}}.</p>{{/deleted}}
    {{^deleted}}
    <ul>{{#files}}<li><a href="{{href}}">{{name}}</a></li>{{/files}}</ul>
    <form method="post" action="/assemblies/{{id}}/privacy/delete" class="form">
      <input type="hidden" name="csrf" value="{{csrf}}">
      <label class="check"><input type="checkbox" name="confirm" value="yes" required> {{t.delete_confirm}}</label>
      <button type="submit" class="danger">{{t.delete_button}}</button>
    </form>
    {{/deleted}}
    """#

    static let verify = #"""
    <p>{{t.verify_intro}}</p>
    {{#result}}
    <section aria-labelledby="verdict">
    <h2 id="verdict" class="verdict {{#verified}}ok{{/verified}}{{^verified}}error{{/verified}}">{{#verified}}{{t.verified}}{{/verified}}{{^verified}}{{t.not_verified}}{{/verified}}</h2>
    <p>{{t.seed}}: <strong>{{seed}}</strong></p>
    <ul class="findings">{{#findings}}<li>{{.}}</li>{{/findings}}</ul>
    </section>
    {{/result}}
    <form class="form upload" data-upload="/api/verify" data-type="application/zip" method="post" action="/api/verify" enctype="multipart/form-data">
      <input type="hidden" name="csrf" value="{{csrf}}">
      <label for="vseed">{{t.seed_observed}}</label>
      <input id="vseed" name="seed" data-query required autocomplete="off">
      <label for="file-verify">{{t.published_zip}}</label>
      <input id="file-verify" name="file" type="file" accept=".zip,application/zip" required aria-describedby="err-verify">
      <p class="field-error" id="err-verify" role="alert"></p>
      <progress max="100" value="0" hidden></progress>
      <button type="submit">{{t.verify_button}}</button>
    </form>
    """#
}
