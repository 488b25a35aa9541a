/// The OpenAPI paths of the steps after "new assembly" (see `OpenAPIDocument`).
enum OpenAPISteps {
    static let paths = #"""
      /assemblies/{id}/register:
        parameters: [{ $ref: "#/components/parameters/id" }]
        get: { summary: "Step 2: the register, its column mapping and census", responses: { "200": { $ref: "#/components/responses/Html" }, "303": { $ref: "#/components/responses/Redirect" }, "404": { $ref: "#/components/responses/NotFound" } } }
      /api/assemblies/{id}/register:
        parameters: [{ $ref: "#/components/parameters/id" }]
        put:
          summary: "Step 2: upload the register (streamed to disk, stored by SHA-256)"
          requestBody: { $ref: "#/components/requestBodies/Csv" }
          responses:
            "201": { description: Stored, content: { application/json: { schema: { $ref: "#/components/schemas/Upload" } } } }
            "404": { $ref: "#/components/responses/NotFound" }
            "422": { $ref: "#/components/responses/Problem" }
      /assemblies/{id}/register/mapping:
        parameters: [{ $ref: "#/components/parameters/id" }]
        post:
          summary: "Step 2: save the column mapping and count the register (a job)"
          requestBody: { $ref: "#/components/requestBodies/Form" }
          responses: { "200": { $ref: "#/components/responses/Html" }, "303": { $ref: "#/components/responses/Redirect" }, "403": { $ref: "#/components/responses/Forbidden" }, "404": { $ref: "#/components/responses/NotFound" }, "422": { $ref: "#/components/responses/Refused" } }
      /api/assemblies/{id}/census:
        parameters: [{ $ref: "#/components/parameters/id" }]
        get:
          summary: "Step 2: the register's census"
          responses:
            "200": { description: The census, content: { application/json: { schema: { $ref: "#/components/schemas/Census" } } } }
            "404": { $ref: "#/components/responses/NotFound" }
      /assemblies/{id}/quotas:
        parameters: [{ $ref: "#/components/parameters/id" }]
        get: { summary: "Step 3: strata and quotas, with the feasibility verdict", responses: { "200": { $ref: "#/components/responses/Html" }, "303": { $ref: "#/components/responses/Redirect" }, "404": { $ref: "#/components/responses/NotFound" } } }
      /assemblies/{id}/quotas/derive:
        parameters: [{ $ref: "#/components/parameters/id" }]
        post:
          summary: "Step 3: derive the quotas from a template and the register (a job)"
          requestBody: { $ref: "#/components/requestBodies/Form" }
          responses: { "200": { $ref: "#/components/responses/Html" }, "303": { $ref: "#/components/responses/Redirect" }, "403": { $ref: "#/components/responses/Forbidden" }, "404": { $ref: "#/components/responses/NotFound" }, "422": { $ref: "#/components/responses/Refused" } }
      /assemblies/{id}/quotas/table:
        parameters: [{ $ref: "#/components/parameters/id" }]
        post:
          summary: "Step 3: save the edited quota table"
          requestBody: { $ref: "#/components/requestBodies/Form" }
          responses: { "200": { $ref: "#/components/responses/Html" }, "303": { $ref: "#/components/responses/Redirect" }, "403": { $ref: "#/components/responses/Forbidden" }, "404": { $ref: "#/components/responses/NotFound" }, "422": { $ref: "#/components/responses/Refused" } }
      /assemblies/{id}/quotas/relax:
        parameters: [{ $ref: "#/components/parameters/id" }]
        post:
          summary: "Step 3: apply the smallest relaxation"
          requestBody: { $ref: "#/components/requestBodies/Form" }
          responses: { "200": { $ref: "#/components/responses/Html" }, "303": { $ref: "#/components/responses/Redirect" }, "403": { $ref: "#/components/responses/Forbidden" }, "404": { $ref: "#/components/responses/NotFound" }, "422": { $ref: "#/components/responses/Refused" } }
      /api/assemblies/{id}/quotas:
        parameters: [{ $ref: "#/components/parameters/id" }]
        get:
          summary: "Step 3: the quotas file"
          responses: { "200": { $ref: "#/components/responses/Csv" }, "404": { $ref: "#/components/responses/NotFound" } }
        put:
          summary: "Step 3: upload a quotas file of one's own"
          requestBody: { $ref: "#/components/requestBodies/Csv" }
          responses:
            "201": { description: Stored, content: { application/json: { schema: { $ref: "#/components/schemas/Upload" } } } }
            "404": { $ref: "#/components/responses/NotFound" }
            "422": { $ref: "#/components/responses/Problem" }
      /api/assemblies/{id}/feasibility:
        parameters: [{ $ref: "#/components/parameters/id" }]
        get:
          summary: "Step 3: can a panel meet the quotas?"
          responses:
            "200": { description: The verdict, content: { application/json: { schema: { $ref: "#/components/schemas/Feasibility" } } } }
            "404": { $ref: "#/components/responses/NotFound" }
      /assemblies/{id}/invitations:
        parameters: [{ $ref: "#/components/parameters/id" }]
        get: { summary: "Step 4: the invitation lottery and its outcome", responses: { "200": { $ref: "#/components/responses/Html" }, "303": { $ref: "#/components/responses/Redirect" }, "404": { $ref: "#/components/responses/NotFound" } } }
        post:
          summary: "Step 4: draw the invitations (a job)"
          requestBody: { $ref: "#/components/requestBodies/Form" }
          responses: { "200": { $ref: "#/components/responses/Html" }, "303": { $ref: "#/components/responses/Redirect" }, "403": { $ref: "#/components/responses/Forbidden" }, "404": { $ref: "#/components/responses/NotFound" }, "422": { $ref: "#/components/responses/Refused" } }
      /api/assemblies/{id}/response-rates:
        parameters: [{ $ref: "#/components/parameters/id" }]
        put:
          summary: "Step 4: expected response rates per stratum"
          requestBody: { $ref: "#/components/requestBodies/Csv" }
          responses:
            "201": { description: Stored, content: { application/json: { schema: { $ref: "#/components/schemas/Upload" } } } }
            "404": { $ref: "#/components/responses/NotFound" }
            "422": { $ref: "#/components/responses/Problem" }
      /assemblies/{id}/invitations/{file}:
        parameters:
          - { $ref: "#/components/parameters/id" }
          - { name: file, in: path, required: true, schema: { type: string, enum: [letters.csv, invitations-report.md, invitations-report.json] } }
        get:
          summary: "Step 4: the letters file (mail merge, with reply codes) and the invitations report"
          responses: { "200": { description: The file }, "404": { $ref: "#/components/responses/NotFound" } }
      /assemblies/{id}/registrations:
        parameters: [{ $ref: "#/components/parameters/id" }]
        get: { summary: "Step 5: the registrations against the population", responses: { "200": { $ref: "#/components/responses/Html" }, "303": { $ref: "#/components/responses/Redirect" }, "404": { $ref: "#/components/responses/NotFound" } } }
      /api/assemblies/{id}/respondents:
        parameters: [{ $ref: "#/components/parameters/id" }]
        put:
          summary: "Step 5: upload the registrations (by reply code or id)"
          requestBody: { $ref: "#/components/requestBodies/Csv" }
          responses:
            "201": { description: Stored, content: { application/json: { schema: { $ref: "#/components/schemas/Upload" } } } }
            "404": { $ref: "#/components/responses/NotFound" }
            "422": { $ref: "#/components/responses/Problem" }
      /assemblies/{id}/registrations/add:
        parameters: [{ $ref: "#/components/parameters/id" }]
        post:
          summary: "Step 5: one registration by its reply code"
          requestBody: { $ref: "#/components/requestBodies/Form" }
          responses: { "200": { $ref: "#/components/responses/Html" }, "303": { $ref: "#/components/responses/Redirect" }, "403": { $ref: "#/components/responses/Forbidden" }, "404": { $ref: "#/components/responses/NotFound" }, "422": { $ref: "#/components/responses/Refused" } }
      /assemblies/{id}/commit:
        parameters: [{ $ref: "#/components/parameters/id" }]
        get: { summary: "Step 6: the commitment", responses: { "200": { $ref: "#/components/responses/Html" }, "303": { $ref: "#/components/responses/Redirect" }, "404": { $ref: "#/components/responses/NotFound" } } }
        post:
          summary: "Step 6: commit the lottery before the seed exists (a job)"
          requestBody: { $ref: "#/components/requestBodies/Form" }
          responses: { "200": { $ref: "#/components/responses/Html" }, "303": { $ref: "#/components/responses/Redirect" }, "403": { $ref: "#/components/responses/Forbidden" }, "404": { $ref: "#/components/responses/NotFound" }, "422": { $ref: "#/components/responses/Refused" } }
      /assemblies/{id}/announcement:
        parameters: [{ $ref: "#/components/parameters/id" }]
        get: { summary: "Step 6: the announcement with its fingerprint (public)", responses: { "200": { $ref: "#/components/responses/Html" }, "303": { $ref: "#/components/responses/Redirect" }, "404": { $ref: "#/components/responses/NotFound" } } }
      /assemblies/{id}/draw:
        parameters: [{ $ref: "#/components/parameters/id" }]
        get: { summary: "Step 7: the draw", responses: { "200": { $ref: "#/components/responses/Html" }, "303": { $ref: "#/components/responses/Redirect" }, "404": { $ref: "#/components/responses/NotFound" } } }
        post:
          summary: "Step 7: enter the seed and draw (refused before the announced moment and a second time)"
          requestBody: { $ref: "#/components/requestBodies/Form" }
          responses: { "200": { $ref: "#/components/responses/Html" }, "303": { $ref: "#/components/responses/Redirect" }, "403": { $ref: "#/components/responses/Forbidden" }, "404": { $ref: "#/components/responses/NotFound" }, "422": { $ref: "#/components/responses/Refused" } }
      /assemblies/{id}/panel:
        parameters: [{ $ref: "#/components/parameters/id" }]
        get: { summary: "Step 7: the panel (private)", responses: { "200": { $ref: "#/components/responses/Html" }, "303": { $ref: "#/components/responses/Redirect" }, "404": { $ref: "#/components/responses/NotFound" } } }
      /assemblies/{id}/panel.csv:
        parameters: [{ $ref: "#/components/parameters/id" }]
        get: { summary: "Step 7: the panel as CSV (private)", responses: { "200": { $ref: "#/components/responses/Csv" }, "404": { $ref: "#/components/responses/NotFound" } } }
      /assemblies/{id}/report:
        parameters: [{ $ref: "#/components/parameters/id" }]
        get: { summary: "Step 7: the representativeness report (public; the same HTML as report.html)", responses: { "200": { $ref: "#/components/responses/Html" }, "404": { $ref: "#/components/responses/NotFound" } } }
      /assemblies/{id}/published.zip:
        parameters: [{ $ref: "#/components/parameters/id" }]
        get:
          summary: "Steps 6-7: the published files as a zip (no personal data)"
          responses: { "200": { description: The zip, content: { application/zip: { schema: { type: string } } } }, "404": { $ref: "#/components/responses/NotFound" } }
      /assemblies/{id}/dropouts:
        parameters: [{ $ref: "#/components/parameters/id" }]
        get: { summary: "Step 8: the panel's members, to mark drop-outs", responses: { "200": { $ref: "#/components/responses/Html" }, "303": { $ref: "#/components/responses/Redirect" }, "404": { $ref: "#/components/responses/NotFound" } } }
        post:
          summary: "Step 8: mark drop-outs and draw replacements (a job)"
          requestBody: { $ref: "#/components/requestBodies/Form" }
          responses: { "200": { $ref: "#/components/responses/Html" }, "303": { $ref: "#/components/responses/Redirect" }, "403": { $ref: "#/components/responses/Forbidden" }, "404": { $ref: "#/components/responses/NotFound" }, "422": { $ref: "#/components/responses/Refused" } }
      /assemblies/{id}/privacy:
        parameters: [{ $ref: "#/components/parameters/id" }]
        get: { summary: "Export and delete the personal data", responses: { "200": { $ref: "#/components/responses/Html" }, "303": { $ref: "#/components/responses/Redirect" }, "404": { $ref: "#/components/responses/NotFound" } } }
      /assemblies/{id}/privacy/delete:
        parameters: [{ $ref: "#/components/parameters/id" }]
        post:
          summary: "Delete the register, the registrations and every file with personal data"
          requestBody: { $ref: "#/components/requestBodies/Form" }
          responses: { "200": { $ref: "#/components/responses/Html" }, "303": { $ref: "#/components/responses/Redirect" }, "403": { $ref: "#/components/responses/Forbidden" }, "404": { $ref: "#/components/responses/NotFound" }, "422": { $ref: "#/components/responses/Refused" } }
      /api/jobs/{job}:
        parameters: [{ $ref: "#/components/parameters/job" }]
        get:
          summary: A background job's state and progress
          responses:
            "200": { description: The job, content: { application/json: { schema: { $ref: "#/components/schemas/Job" } } } }
            "404": { $ref: "#/components/responses/NotFound" }
      /api/jobs/{job}/cancel:
        parameters: [{ $ref: "#/components/parameters/job" }]
        post:
          summary: Stop a job (it stores nothing half-done)
          responses:
            "202": { description: Asked to stop, content: { application/json: { schema: { $ref: "#/components/schemas/Job" } } } }
            "403": { $ref: "#/components/responses/Forbidden" }
            "404": { $ref: "#/components/responses/NotFound" }
      /verify:
        get:
          summary: "Step 9: the public check of a draw"
          parameters: [{ name: result, in: query, required: false, schema: { type: integer } }]
          responses: { "200": { $ref: "#/components/responses/Html" } }
      /api/verify:
        put:
          summary: "Step 9: check a published zip with its seed (the same checks as kleroterion verify)"
          parameters: [{ name: seed, in: query, required: true, schema: { type: string, minLength: 1 } }]
          requestBody: { required: true, content: { application/zip: { schema: { type: string, format: binary } }, application/octet-stream: { schema: { type: string, format: binary } } } }
          responses:
            "200": { description: The outcome, content: { application/json: { schema: { $ref: "#/components/schemas/Verification" } } } }
            "422": { $ref: "#/components/responses/Problem" }
      /openapi.yaml:
        get: { summary: This document, responses: { "200": { description: OpenAPI 3.1, content: { application/yaml: { schema: { type: string } } } } } }
    """#
}
