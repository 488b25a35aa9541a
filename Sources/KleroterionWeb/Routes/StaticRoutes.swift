import Hummingbird

/// The style sheet, the script and the API description, served by the app itself.
enum StaticRoutes {
    static func add(to router: Router<WebContext>) {
        router.get("/static/app.css") { _, _ in asset(Stylesheet.css, type: "text/css; charset=utf-8") }
        router.get("/static/app.js") { _, _ in asset(Script.js, type: "text/javascript; charset=utf-8") }
        router.get("/openapi.yaml") { _, _ in asset(OpenAPIDocument.yaml, type: "application/yaml; charset=utf-8") }
    }

    static func asset(_ text: String, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type, .cacheControl: "public, max-age=3600"],
                 body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
