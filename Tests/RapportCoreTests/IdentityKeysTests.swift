@testable import RapportCore
import Testing

@Suite("Identity keys: what suggests two records are one person")
struct IdentityKeysTests {
    @Test("an ASCII name folds the same by the short way as by the Unicode one")
    func asciiNames() {
        // Every printable ASCII character and the controls, in names of one to three of them around letters.
        let characters: [String] = (0..<128).map { String(UnicodeScalar(UInt8($0))) }
        var names: [String] = []
        for one in characters {
            names += ["Ana" + one + "Lima", one, one + "Zo" + one]
            for two in characters { names.append(one + "b" + two) }
        }
        let differing = names.filter { IdentityKeys.foldedASCII($0) != IdentityKeys.foldedUnicode($0) }
        #expect(differing.isEmpty, "\(differing.prefix(10).map { $0.debugDescription })")
    }

    @Test("names fold case, accents, width, spacing and look-alike Cyrillic and Greek letters")
    func names() {
        #expect(IdentityKeys.folded("Zoë  NG") == "zoe ng")
        #expect(IdentityKeys.folded("\u{0410}na Lima") == IdentityKeys.folded("Ana Lima"), "a Cyrillic А")
        #expect(IdentityKeys.folded("Ζοe Νg") == "zoe ng", "Greek Ζ, ο and Ν")
        #expect(IdentityKeys.folded("Ｍａｒｋ") == "mark", "full-width letters")
        #expect(IdentityKeys.folded("O'Neil-Smith") == "o neil smith")
        #expect(IdentityKeys.folded("Ana Lima") != IdentityKeys.folded("Ana Lim"))
    }

    @Test("a phone number by its last nine digits, a link without its scheme, www, query or trailing slash")
    func keys() {
        let one = IdentityKeys.keys(name: "Ana Lima", phone: "+44 7700 900123", links: ["https://www.LinkedIn.com/in/ana-lima/?trk=x"])
        let two = IdentityKeys.keys(name: "ANA LIMA", phone: "07700 900123", links: ["http://linkedin.com/in/ana-lima"])
        #expect(one == ["phone:700900123", "link:ana lima|linkedin.com/in/ana-lima"])
        #expect(one == two)
        #expect(IdentityKeys.keys(name: "Ana Lima", phone: "12345", links: ["not a link"]).isEmpty, "short numbers and non-links are not compared")
        #expect(IdentityKeys.keys(name: "Ben Ng", phone: nil, links: ["https://linkedin.com/in/ana-lima"]) != two)
    }
}
