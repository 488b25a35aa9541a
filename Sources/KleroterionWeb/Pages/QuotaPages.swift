extension PageTemplates {
    static let quotas = #"""
    <p>{{t.quotas_intro}}</p>
    {{#error}}<p class="error" role="alert">{{error}}</p>{{/error}}
    {{#saved}}<p class="ok" role="status">{{t.saved}}</p>{{/saved}}
    {{#verdict}}
    <section aria-labelledby="verdict" class="verdict-box">
    <h2 id="verdict">{{t.verdict_title}}</h2>
    {{#feasible}}<p class="ok" role="status">{{#exact}}{{t.verdict_ok_exact}}{{/exact}}{{^exact}}{{t.verdict_ok_arithmetic}}{{/exact}}</p>{{/feasible}}
    {{^feasible}}<p class="error" role="alert">{{t.verdict_bad}}</p>
    <ul>{{#problems}}<li>{{.}}</li>{{/problems}}</ul>
    {{#relaxation}}
    <form method="post" action="/assemblies/{{id}}/quotas/relax">
      <input type="hidden" name="csrf" value="{{csrf}}">
      <p>{{t.relax_offer}} {{relaxation}}</p>
      <button type="submit">{{t.relax_button}}</button>
    </form>
    {{/relaxation}}
    {{/feasible}}
    {{#pending}}<p class="state">{{t.verdict_pending}}</p>{{/pending}}
    </section>
    {{/verdict}}
    {{#has_rows}}
    <section aria-labelledby="table">
    <h2 id="table">{{t.quota_table}}</h2>
    <form method="post" action="/assemblies/{{id}}/quotas/table">
      <input type="hidden" name="csrf" value="{{csrf}}">
      <div class="table-wrap"><table>
      <thead><tr><th scope="col">{{t.feature}}</th><th scope="col">{{t.value}}</th><th scope="col" class="num">{{t.population_share}}</th>
      <th scope="col">{{t.minimum}}</th><th scope="col">{{t.maximum}}</th></tr></thead>
      <tbody>
      {{#rows}}
      <tr><td>{{feature}}</td><th scope="row">{{value}}</th><td class="num">{{share}}</td>
      <td><input name="min{{i}}" type="number" min="0" value="{{min}}" aria-label="{{t.minimum}} {{feature}} {{value}}"></td>
      <td><input name="max{{i}}" type="number" min="0" value="{{max}}" aria-label="{{t.maximum}} {{feature}} {{value}}"></td></tr>
      {{/rows}}
      </tbody></table></div>
      <button type="submit">{{t.save_quotas}}</button>
      <a class="button secondary" href="/api/assemblies/{{id}}/quotas">{{t.download_quotas}}</a>
    </form>
    </section>
    {{/has_rows}}
    <section aria-labelledby="derive">
    <h2 id="derive">{{t.derive_title}}</h2>
    {{^has_register}}<p class="state">{{t.register_first}}</p>{{/has_register}}
    {{#has_register}}
    <form method="post" action="/assemblies/{{id}}/quotas/derive" class="form">
      <input type="hidden" name="csrf" value="{{csrf}}">
      <label for="template">{{t.template}}</label>
      <select id="template" name="template">{{#templates}}<option value="{{name}}"{{#selected}} selected{{/selected}}>{{title}} ({{name}})</option>{{/templates}}</select>
      <label for="shares">{{t.shares_file}}</label>
      <select id="shares" name="shares"><option value="">{{t.no_shares}}</option>{{#shares}}<option value="{{name}}">{{name}}</option>{{/shares}}</select>
      <label for="tolerance">{{t.tolerance}}</label>
      <input id="tolerance" name="tolerance" type="number" min="0" value="0">
      <button type="submit">{{t.derive_button}}</button>
    </form>
    {{/has_register}}
    </section>
    <section aria-labelledby="own">
    <h2 id="own">{{t.own_quotas}}</h2>
    {{#upload}}{{> upload}}{{/upload}}
    </section>
    """#
}
