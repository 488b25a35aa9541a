extension PageTemplates {
    /// Upload (with progress), the column mapping, and the census.
    static let registerPages: [(String, String)] = [("register", register), ("upload", upload)]

    /// A file upload: app.js sends the file as the request body to `url` (PUT) and shows the progress and the reply;
    /// without JavaScript the browser posts the form (`FormUpload`). The file input comes last: see `FormUpload`.
    static let upload = #"""
    <form class="form upload" data-upload="{{url}}" method="post" action="{{url}}" enctype="multipart/form-data">
      <input type="hidden" name="csrf" value="{{csrf}}">
      <label for="file-{{field}}">{{label}}</label>
      <input id="file-{{field}}" name="file" type="file" accept="{{accept}}" required aria-describedby="err-{{field}}">
      <p class="field-error" id="err-{{field}}" role="alert"></p>
      <progress max="100" value="0" hidden></progress>
      <button type="submit">{{t.upload}}</button>
    </form>
    """#

    static let register = #"""
    <p>{{t.register_intro}}</p>
    {{#error}}<p class="error" role="alert">{{error}}</p>{{/error}}
    {{#file}}<p>{{t.register_file}}: <strong>{{file}}</strong></p>{{/file}}
    {{#upload}}{{> upload}}{{/upload}}
    {{#has_columns}}
    <section aria-labelledby="mapping">
    <h2 id="mapping">{{t.mapping_title}}</h2>
    <p>{{t.mapping_intro}}</p>
    <form method="post" action="/assemblies/{{id}}/register/mapping" class="form">
      <input type="hidden" name="csrf" value="{{csrf}}">
      <div class="table-wrap"><table>
      <thead><tr><th scope="col">{{t.column_in_file}}</th><th scope="col">{{t.read_as}}</th></tr></thead>
      <tbody>
      {{#columns}}
      <tr><th scope="row"><label for="col{{i}}">{{name}}</label></th>
          <td><select id="col{{i}}" name="col{{i}}">{{#options}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/options}}</select></td></tr>
      {{/columns}}
      </tbody></table></div>
      <fieldset><legend>{{t.household}}</legend>
      {{#address}}<label class="check"><input type="checkbox" name="address" value="{{value}}"{{#checked}} checked{{/checked}}> {{label}}</label>{{/address}}
      </fieldset>
      <label for="minAge">{{t.min_age}}</label>
      <input id="minAge" name="minAge" type="number" min="0" max="150" value="{{min_age}}">
      <button type="submit">{{t.save_and_count}}</button>
    </form>
    </section>
    {{/has_columns}}
    {{#census}}
    <section aria-labelledby="census">
    <h2 id="census">{{t.census_title}}</h2>
    <dl class="figures">
      <dt>{{t.residents}}</dt><dd>{{residents}}</dd>
      <dt>{{t.eligible}}</dt><dd>{{eligible}}</dd>
      <dt>{{t.too_young}}</dt><dd>{{too_young}}</dd>
      <dt>{{t.too_old}}</dt><dd>{{too_old}}</dd>
      {{#unknown}}<dt>{{t.unknown_dates}}</dt><dd>{{unknown}}</dd>{{/unknown}}
      {{#addresses}}<dt>{{t.addresses}}</dt><dd>{{addresses}}</dd>{{/addresses}}
    </dl>
    {{#has_districts}}
    <h3>{{t.per_district}}</h3>
    <div class="table-wrap"><table>
    <thead><tr><th scope="col">{{t.value}}</th><th scope="col" class="num">{{t.count}}</th><th scope="col" class="num">{{t.share}}</th></tr></thead>
    <tbody>{{#districts}}<tr><td>{{value}}</td><td class="num">{{count}}</td><td class="num">{{share}}</td></tr>{{/districts}}</tbody>
    </table></div>
    {{/has_districts}}
    </section>
    {{/census}}
    """#
}
