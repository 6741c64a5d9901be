import Foundation

/// Letters that look like Latin ones but are not: the Cyrillic "С" in "С#", the Greek "Ο" in "GΟ", fullwidth "Ｃ＃",
/// the music sharp in "C♯". Folded to what they look like before a skill name is looked up, so a name pasted from
/// another script or typed on another keyboard layout still resolves.
enum LookAlikes {
    /// `text` with compatibility forms (fullwidth letters and signs) decomposed and look-alike letters folded; the
    /// text itself when it holds none (the common case costs one scan).
    static func fold(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { !$0.isASCII }) else { return text }
        var folded = String.UnicodeScalarView()
        for scalar in text.precomposedStringWithCompatibilityMapping.unicodeScalars {
            if let latin = latin[scalar] {
                folded.append(latin)
            } else {
                folded.append(scalar)
            }
        }
        return String(folded)
    }

    /// Cyrillic and Greek capitals and small letters drawn like Latin ones, and the sharp sign.
    private static let latin: [Unicode.Scalar: Unicode.Scalar] = {
        let pairs: [(String, String)] = [
            // Cyrillic
            ("А", "A"), ("В", "B"), ("С", "C"), ("Е", "E"), ("Н", "H"), ("І", "I"), ("Ј", "J"), ("К", "K"), ("М", "M"), ("О", "O"),
            ("Р", "P"), ("Ѕ", "S"), ("Т", "T"), ("Х", "X"), ("У", "Y"), ("а", "a"), ("с", "c"), ("е", "e"), ("і", "i"), ("ј", "j"),
            ("о", "o"), ("р", "p"), ("ѕ", "s"), ("х", "x"), ("у", "y"), ("ԁ", "d"), ("һ", "h"), ("ӏ", "l"),
            // Greek
            ("Α", "A"), ("Β", "B"), ("Ε", "E"), ("Ζ", "Z"), ("Η", "H"), ("Ι", "I"), ("Κ", "K"), ("Μ", "M"), ("Ν", "N"), ("Ο", "O"),
            ("Ρ", "P"), ("Τ", "T"), ("Υ", "Y"), ("Χ", "X"), ("ο", "o"), ("ν", "v"), ("ρ", "p"),
            // Signs
            ("♯", "#"), ("＃", "#"), ("＋", "+"), ("‐", "-"), ("–", "-"),
        ]
        var map: [Unicode.Scalar: Unicode.Scalar] = [:]
        for (from, to) in pairs {
            if let from = from.unicodeScalars.first, let to = to.unicodeScalars.first { map[from] = to }
        }
        return map
    }()
}
