import Crypto
import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import Kleroterion
import NIOCore
import Testing
@testable import KleroterionWeb

/// Chunks of a byte string, as the network might deliver them.
struct Chunks: AsyncSequence, Sendable {
    typealias Element = ByteBuffer
    let bytes: [UInt8], size: Int
    struct AsyncIterator: AsyncIteratorProtocol {
        let bytes: [UInt8], size: Int
        var at = 0
        mutating func next() async -> ByteBuffer? {
            guard at < bytes.count else { return nil }
            defer { at += size }
            return ByteBuffer(bytes: bytes[at..<Swift.min(bytes.count, at + size)])
        }
    }
    func makeAsyncIterator() -> AsyncIterator { AsyncIterator(bytes: bytes, size: size) }
}

@Suite("Uploads without JavaScript (multipart forms)")
struct FormUploadTests {
    static let boundary = "----b0undary"

    static func form(fields: [(String, String)], file: [UInt8]) -> [UInt8] {
        var body: [UInt8] = Array("preamble to ignore\r\n".utf8)
        for (k, v) in fields { body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(k)\"\r\n\r\n\(v)\r\n".utf8) }
        body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"brp.csv\"\r\nContent-Type: text/csv\r\n\r\n".utf8)
        return body + file + Array("\r\n--\(boundary)--\r\n".utf8)
    }

    @Test("The fields and the file come out whole, however the body is cut into chunks")
    func readsAcrossChunks() async throws {
        // The file holds near-misses of the delimiter, and ends in a line break of its own.
        let file = Array("id;naam\r\n1;--\(Self.boundary.dropLast())\r\n2;\r\n--x\r\n\r\n".utf8) + (0..<3000).map { UInt8($0 % 251) }
        let body = Self.form(fields: [("csrf", "token123"), ("seed", "3 1 4 1 5")], file: file)
        for size in [1, 2, 3, 7, 64, 4096, body.count] {
            let reader = MultipartReader(boundary: Self.boundary, body: RequestBody(asyncSequence: Chunks(bytes: body, size: size)))
            let (fields, part) = try #require(try await reader.fieldsUntilFile())
            #expect(fields == ["csrf": "token123", "seed": "3 1 4 1 5"], "chunks of \(size)")
            #expect(part.name == "brp.csv" && part.type == "text/csv")
            var got: [UInt8] = []
            while let chunk = try await reader.nextFileChunk() { got += chunk.readableBytesView }
            #expect(got == file, "chunks of \(size): \(got.count) bytes against \(file.count)")
        }
    }

    @Test("A body cut off inside the file is an error, never a shorter file")
    func cutOffIsAnError() async throws {
        let body = Self.form(fields: [("csrf", "t")], file: Array(repeating: UInt8(ascii: "a"), count: 200_000))
        let reader = MultipartReader(boundary: Self.boundary, body: RequestBody(asyncSequence: Chunks(bytes: Array(body.prefix(150_000)), size: 5000)))
        _ = try #require(try await reader.fieldsUntilFile())
        await #expect(throws: KleroterionError.self) { while try await reader.nextFileChunk() != nil {} }
    }

    @Test("The register uploads as a plain form: stored whole, then the mapping page; a bad file or no token stores nothing")
    func registerByForm() async throws {
        let services = try makeServices()
        try await running(services) { b in
            let id = try await b.newAssembly()
            let url = "/api/assemblies/\(id)/register", page = "/assemblies/\(id)/register"
            let refused = try await b.formUpload(url, name: "brp.csv", bytes: brpRegister(), csrf: false)
            #expect(refused.status == .forbidden, "no token: \(refused.status)")
            let empty = try await b.formUpload(url, name: "leeg.csv", bytes: [], referer: "http://127.0.0.1:8080" + page)
            #expect(empty.status == .unprocessableContent && empty.body.contains("het bestand is leeg"), "\(empty.status) \(empty.body.prefix(300))")
            #expect(empty.body.contains("href=\"\(page)\"") && empty.body.contains("Terug naar het formulier"), "the way back to the form")
            #expect(try await services.db.pool.read { try StoredFile.fetchCount($0) } == 0, "nothing stored")
            let plain = try await b.post(url, [])
            #expect(plain.status == .unsupportedMediaType, "a form without a file: \(plain.status)")

            let sent = try await b.formUpload(url, name: "brp.csv", bytes: brpRegister())
            #expect(sent.status == .seeOther && sent.location == page, "\(sent.status) \(sent.location ?? "")")
            let a = try #require(try services.db.assembly(id))
            let sha = SHA256.hash(data: Data(brpRegister())).map { String(format: "%02x", $0) }.joined()
            #expect(a.registerFile == sha && a.registerName == "brp.csv", "the stored file is the sent one, byte for byte")
            #expect(try await b.get(page).body.contains("geslacht"), "the mapping page shows the file's columns")
        }
    }

    @Test("The check of a draw works as a plain form too: the seed field before the zip")
    func verifyByForm() async throws {
        let services = try makeServices()
        try await running(services) { b in
            let notZip = try await b.formUpload("/api/verify", fields: [("seed", "1 2 3")], name: "x.zip", bytes: Array("no zip".utf8),
                                                referer: "http://127.0.0.1:8080/verify")
            #expect(notZip.status == .unprocessableContent && notZip.body.contains("href=\"/verify\""), "\(notZip.status) \(notZip.body.prefix(300))")
            let noSeed = try await b.formUpload("/api/verify", name: "x.zip", bytes: Array("no zip".utf8))
            #expect(noSeed.status == .unprocessableContent && noSeed.headers[.contentType]?.hasPrefix("text/html") == true)
        }
    }
}
