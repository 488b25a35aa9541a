/// The HTTP API, described in OpenAPI 3.1 (served at /openapi.yaml; docs/openapi.yaml is the same text, and a test
/// keeps the two equal).
///
/// The pages and the API are the same handlers: a form posts to the route described here, and a script may call it
/// too. Form posts need the CSRF token (cookie `kl_csrf`, field `csrf`); files are sent as the request body.
enum OpenAPIDocument {
    static let yaml = #"""
    openapi: 3.1.0
    info:
      title: Kleroterion
      version: 0.1.0
      summary: Drawing a citizens' assembly by lot, step by step.
      description: |
        The organisers' web app of Kleroterion. Every step of an assembly (register, quotas, invitations,
        registrations, commitment, draw, drop-outs, personal data) and the public check of a draw.
        State-changing form posts need the CSRF token: the cookie `kl_csrf` and the same value as the form field
        `csrf` (or the header `X-CSRF-Token`). Requests with a JSON, CSV or ZIP body are API calls and need no token.
        When the server has accounts, everything but the public pages needs a log-in session.
      license:
        name: GPL-3.0-or-later
        identifier: GPL-3.0-or-later
    servers:
      - url: http://127.0.0.1:8080
    components:
      parameters:
        id:
          name: id
          in: path
          required: true
          description: The assembly's number.
          schema: { type: integer, minimum: 1 }
        job:
          name: job
          in: path
          required: true
          schema: { type: integer, minimum: 1 }
      schemas:
        Problem:
          type: object
          required: [error]
          properties:
            error: { type: string, description: "What is wrong, where, and how to fix it." }
            fix: { type: [string, "null"] }
        NewAssembly:
          type: object
          required: [name, municipality, panelSize, referenceDate]
          properties:
            name: { type: string, maxLength: 200 }
            municipality: { type: string, maxLength: 200 }
            panelSize: { type: integer, minimum: 1, maximum: 100000 }
            referenceDate: { type: string, description: "YYYY-MM-DD" }
            language: { type: string, enum: [nl, en, de] }
        Assembly:
          type: object
          required: [id, name, municipality, panelSize, referenceDate, language, steps]
          properties:
            id: { type: integer }
            name: { type: string }
            municipality: { type: string }
            panelSize: { type: integer }
            referenceDate: { type: string }
            language: { type: string }
            steps:
              type: object
              additionalProperties: { type: boolean }
        Upload:
          type: object
          required: [sha256, name, size, next]
          properties:
            sha256: { type: string }
            name: { type: string }
            size: { type: integer }
            next: { type: string, description: "The page to show next." }
        Job:
          type: object
          required: [id, assembly, kind, state, progress, next]
          properties:
            id: { type: integer }
            assembly: { type: integer }
            kind: { type: string, enum: [census, quotas, invite, commit, draw, replace] }
            state: { type: string, enum: [running, done, failed, cancelled] }
            progress: { type: string }
            message: { type: [string, "null"] }
            next: { type: string }
        Census:
          type: object
          required: [residents, eligible, tooYoung, tooOld, unknownBirthDates, breakdown]
          properties:
            residents: { type: integer }
            eligible: { type: integer }
            tooYoung: { type: integer }
            tooOld: { type: integer }
            unknownBirthDates: { type: integer }
            addresses: { type: [integer, "null"] }
            breakdownColumn: { type: [string, "null"] }
            breakdown:
              type: array
              items:
                type: object
                required: [value, residents]
                properties:
                  value: { type: string }
                  residents: { type: integer }
        Feasibility:
          type: object
          required: [exact, problems]
          properties:
            feasible: { type: [boolean, "null"] }
            exact: { type: boolean }
            problems: { type: array, items: { type: string } }
            relaxation: { type: [string, "null"] }
        Verification:
          type: object
          required: [verified, findings, next]
          properties:
            verified: { type: boolean }
            findings: { type: array, items: { type: string } }
            next: { type: string }
        Form:
          type: object
          description: "Form fields (see the page); always with csrf."
          properties:
            csrf: { type: string }
          additionalProperties: { type: string }
      responses:
        Html:
          description: A page.
          content: { text/html: { schema: { type: string } } }
        Redirect:
          description: Done; the Location header names the next page (often a job's progress page).
        Refused:
          description: The input is wrong; the page says what to fix, next to the field.
          content: { text/html: { schema: { type: string } } }
        Forbidden:
          description: The CSRF token is missing or wrong, or an observer tried to change something.
          content: { text/html: { schema: { type: string } } }
        NotFound:
          description: No such assembly, job or file.
          content:
            text/plain: { schema: { type: string } }
            text/html: { schema: { type: string } }
            application/json: { schema: { type: object } }
        Problem:
          description: The input is wrong; nothing was stored.
          content: { application/json: { schema: { $ref: "#/components/schemas/Problem" } } }
        Csv:
          description: A CSV file.
          content: { text/csv: { schema: { type: string } } }
      requestBodies:
        Form:
          required: true
          content:
            application/x-www-form-urlencoded: { schema: { $ref: "#/components/schemas/Form" } }
        Csv:
          required: true
          description: The file itself (CSV, UTF-8, with , or ;). The header X-File-Name may give its name.
          content:
            text/csv: { schema: { type: string } }
    paths:
      /:
        get: { summary: The list of assemblies and the form for a new one, responses: { "200": { $ref: "#/components/responses/Html" } } }
      /assemblies:
        post:
          summary: "Step 1: a new assembly"
          requestBody:
            required: true
            content:
              application/json: { schema: { $ref: "#/components/schemas/NewAssembly" } }
              application/x-www-form-urlencoded: { schema: { $ref: "#/components/schemas/Form" } }
          responses:
            "201": { description: Created, content: { application/json: { schema: { $ref: "#/components/schemas/Assembly" } } } }
            "303": { $ref: "#/components/responses/Redirect" }
            "400": { $ref: "#/components/responses/Problem" }
            "403": { $ref: "#/components/responses/Forbidden" }
            "422":
              description: A field is wrong; nothing was stored.
              content:
                application/json: { schema: { $ref: "#/components/schemas/Problem" } }
                text/html: { schema: { type: string } }
      /api/assemblies:
        get:
          summary: Every assembly (no personal data)
          responses: { "200": { description: The list, content: { application/json: { schema: { type: array, items: { $ref: "#/components/schemas/Assembly" } } } } } }
      /api/assemblies/{id}:
        parameters: [{ $ref: "#/components/parameters/id" }]
        get:
          summary: One assembly and which steps are done
          responses:
            "200": { description: The assembly, content: { application/json: { schema: { $ref: "#/components/schemas/Assembly" } } } }
            "404": { $ref: "#/components/responses/NotFound" }
      /assemblies/{id}:
        parameters: [{ $ref: "#/components/parameters/id" }]
        get: { summary: An assembly's steps and audit log, responses: { "200": { $ref: "#/components/responses/Html" }, "404": { $ref: "#/components/responses/NotFound" } } }
    \#(OpenAPISteps.paths)
    """#
}
