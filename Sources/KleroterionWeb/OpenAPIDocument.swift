/// The HTTP API, described in OpenAPI 3.1 (served at /openapi.yaml; docs/openapi.yaml is the same text).
enum OpenAPIDocument {
    static let yaml = #"""
    openapi: 3.1.0
    info:
      title: Kleroterion
      version: 0.1.0
    paths: {}
    """#
}
