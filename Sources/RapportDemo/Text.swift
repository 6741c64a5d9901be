/// String joining for the hot path: one allocation of exactly the right size, where `a + b + c` makes one per `+`.
enum Text {
    static func join(_ a: String, _ b: String) -> String {
        build(a.utf8.count + b.utf8.count) { into in
            into.copy(a)
            into.copy(b)
        }
    }

    static func join(_ a: String, _ b: String, _ c: String) -> String {
        build(a.utf8.count + b.utf8.count + c.utf8.count) { into in
            into.copy(a)
            into.copy(b)
            into.copy(c)
        }
    }

    static func join(_ a: String, _ b: String, _ c: String, _ d: String) -> String {
        build(a.utf8.count + b.utf8.count + c.utf8.count + d.utf8.count) { into in
            into.copy(a)
            into.copy(b)
            into.copy(c)
            into.copy(d)
        }
    }

    static func join(_ a: String, _ b: String, _ c: String, _ d: String, _ e: String) -> String {
        build(a.utf8.count + b.utf8.count + c.utf8.count + d.utf8.count + e.utf8.count) { into in
            into.copy(a)
            into.copy(b)
            into.copy(c)
            into.copy(d)
            into.copy(e)
        }
    }

    static func join(_ a: String, _ b: String, _ c: String, _ d: String, _ e: String, _ f: String) -> String {
        build(a.utf8.count + b.utf8.count + c.utf8.count + d.utf8.count + e.utf8.count + f.utf8.count) { into in
            into.copy(a)
            into.copy(b)
            into.copy(c)
            into.copy(d)
            into.copy(e)
            into.copy(f)
        }
    }

    static func join(_ a: String, _ b: String, _ c: String, _ d: String, _ e: String, _ f: String, _ g: String) -> String {
        build(a.utf8.count + b.utf8.count + c.utf8.count + d.utf8.count + e.utf8.count + f.utf8.count + g.utf8.count) { into in
            into.copy(a)
            into.copy(b)
            into.copy(c)
            into.copy(d)
            into.copy(e)
            into.copy(f)
            into.copy(g)
        }
    }

    /// A cursor over the new string's bytes.
    struct Writer {
        let buffer: UnsafeMutableBufferPointer<UInt8>
        var offset = 0

        @inline(__always)
        mutating func copy(_ part: String) {
            var part = part
            part.withUTF8 { bytes in
                guard let source = bytes.baseAddress, bytes.count > 0 else { return }
                (buffer.baseAddress! + offset).update(from: source, count: bytes.count)
                offset += bytes.count
            }
        }
    }

    /// One allocation of the final size (none at all for 15 bytes or fewer, which Swift stores inline).
    @inline(__always)
    private static func build(_ count: Int, _ body: (inout Writer) -> Void) -> String {
        String(unsafeUninitializedCapacity: count) { buffer in
            var writer = Writer(buffer: buffer)
            body(&writer)
            return writer.offset
        }
    }
}
