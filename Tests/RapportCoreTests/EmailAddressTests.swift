@testable import RapportCore
import Testing

@Suite("E-mail addresses")
struct EmailAddressTests {
    @Test("an address of ASCII only is judged byte by byte exactly as the Unicode rules judge it")
    func asciiAgreesWithUnicode() {
        // Every character that decides something: letters, digits, the separators, white space, controls, DEL.
        let alphabet: [String] = ["a", "Z", "0", ".", "@", "-", "_", " ", "\t", "\r\n", "\u{1}", "\u{7F}"]
        // Every string of up to four of them, alone, and inside the local part and the domain of an address.
        var bodies = [""]
        var last = [""]
        for _ in 1...4 {
            last = last.flatMap { body in alphabet.map { body + $0 } }
            bodies += last
        }
        var disagreements: [String] = []
        var valid = 0
        for body in bodies {
            for text in [body, "ab" + body + "@example.com", "ana@ex" + body + ".com"] {
                let fast = EmailAddress.isValidASCII(text.utf8)
                if fast { valid += 1 }
                if fast != EmailAddress.isValidUnicode(text) { disagreements.append(text.debugDescription) }
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(10))")
        #expect(valid > 1_000, "the samples should hold many valid addresses too")
        for (address, expected) in [("ana@example.com", true), ("a..b@example.com", false), ("ana@-example.com", false), ("ana@example", false),
                                    (String(repeating: "a", count: 65) + "@example.com", false), ("ana lima@example.com", false)] {
            #expect(EmailAddress.isValid(address) == expected, "\(address)")
        }
    }
}
