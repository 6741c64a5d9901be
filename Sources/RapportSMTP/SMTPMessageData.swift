/// Prepares message content for the `DATA` command (RFC 5321 §4.5.2).
enum SMTPMessageData {
    private static let cr = UInt8(ascii: "\r")
    private static let lf = UInt8(ascii: "\n")
    private static let dot = UInt8(ascii: ".")

    /// Normalises line endings to CRLF (bare LF and bare CR), dot-stuffs lines starting with ".",
    /// makes sure the content ends with CRLF and appends the terminating ".\r\n".
    ///
    /// - Returns: The bytes to send and whether the content contains 8-bit bytes.
    static func encode(_ message: some Collection<UInt8>) -> (bytes: [UInt8], is8Bit: Bool) {
        var output: [UInt8] = []
        output.reserveCapacity(message.count + message.count / 32 + 5)
        var atLineStart = true
        var previousWasCR = false
        var is8Bit = false

        for byte in message {
            if previousWasCR {
                previousWasCR = false
                if byte == lf { continue }  // the CR already produced the CRLF
            }
            switch byte {
            case cr:
                output.append(contentsOf: [cr, lf])
                atLineStart = true
                previousWasCR = true
            case lf:
                output.append(contentsOf: [cr, lf])
                atLineStart = true
            default:
                if atLineStart && byte == dot { output.append(dot) }
                if byte >= 0x80 { is8Bit = true }
                output.append(byte)
                atLineStart = false
            }
        }
        if !atLineStart { output.append(contentsOf: [cr, lf]) }
        output.append(contentsOf: [dot, cr, lf])
        return (output, is8Bit)
    }
}

/// Minimal Base64 (RFC 4648) encoding for SMTP AUTH, avoiding a Foundation dependency.
enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func encode(_ bytes: some Collection<UInt8>) -> String {
        let input = Array(bytes)
        var output: [UInt8] = []
        output.reserveCapacity((input.count + 2) / 3 * 4)
        var index = 0
        while index < input.count {
            let chunk = input[index..<min(index + 3, input.count)]
            var value = UInt32(0)
            for (offset, byte) in chunk.enumerated() { value |= UInt32(byte) << (16 - 8 * offset) }
            for position in 0..<4 {
                if position <= chunk.count {
                    output.append(alphabet[Int((value >> (18 - 6 * position)) & 0x3F)])
                } else {
                    output.append(UInt8(ascii: "="))
                }
            }
            index += 3
        }
        return String(decoding: output, as: UTF8.self)
    }
}
