import Foundation
import RapportText

/// What suggests two records are one person besides their e-mail address: the same phone number, or the same name
/// with the same profile link. Names are compared after folding what makes two spellings look different but read
/// the same (case, accents, compatibility forms, and Cyrillic or Greek letters that look Latin), so "Zoë Ng" and
/// "ZOE NG", or "Ana Lima" typed with a Cyrillic "А", are one name.
public enum IdentityKeys {
    /// The keys of a profile: "phone:" and the number's last nine digits, and "link:" with the folded name and each
    /// profile link.
    public static func keys(name: String, phone: String?, links: [String]) -> [String] {
        var keys: [String] = []
        if let phone = phone.flatMap(phoneKey) { keys.append("phone:" + phone) }
        let folded = folded(name)
        if !folded.isEmpty {
            for link in links.compactMap(linkKey) where !keys.contains("link:\(folded)|\(link)") { keys.append("link:\(folded)|\(link)") }
        }
        return keys
    }

    public static func keys(for profile: CandidateProfile) -> [String] {
        keys(name: profile.name, phone: profile.phone, links: profile.links)
    }

    /// Why a key matched, in words.
    public static func reason(_ key: String) -> String {
        key.hasPrefix("phone:") ? "the same phone number" : "the same name and profile link"
    }

    /// The last nine digits, so "+44 7700 900123" and "07700 900123" agree; a number of fewer than eight digits is
    /// not compared.
    static func phoneKey(_ phone: String) -> String? {
        let digits = phone.filter { $0.isASCII && $0.isNumber }
        return digits.count >= 8 ? String(digits.suffix(9)) : nil
    }

    /// A link's host (without "www.") and path, lower case, without scheme, query or trailing slash.
    static func linkKey(_ link: String) -> String? {
        guard let url = URL(string: link.trimmedSpaces), var host = url.host?.lowercased(), !host.isEmpty else { return nil }
        if host.hasPrefix("www.") { host.removeFirst(4) }
        var path = url.path.lowercased()
        while path.hasSuffix("/") { path.removeLast() }
        return host + path
    }

    /// A name folded for comparison: "Zoë  NG" and "zoe ng" are one.
    public static func folded(_ name: String) -> String {
        // An ASCII name has no accents, widths, compatibility forms or look-alikes: lower case, letters and digits.
        name.isASCII ? foldedASCII(name) : foldedUnicode(name)
    }

    static func foldedASCII(_ name: String) -> String {
        name.lowercased().split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }.joined(separator: " ")
    }

    static func foldedUnicode(_ name: String) -> String {
        let plain = name.precomposedStringWithCompatibilityMapping
            .folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        var letters = String.UnicodeScalarView()
        for scalar in plain.unicodeScalars {
            if let latin = confusables[scalar] {
                letters.append(latin)
            } else if CharacterSet.alphanumerics.contains(scalar) {
                letters.append(scalar)
            } else {
                letters.append(" ")
            }
        }
        return String(letters).split(separator: " ").joined(separator: " ")
    }

    /// Cyrillic and Greek letters that look like Latin ones, in lower case (names are case-folded first, so the
    /// capitals that look Latin, such as "Н" for "H", arrive as their lower case).
    private static let confusables: [Unicode.Scalar: Unicode.Scalar] = [
        "а": "a", "в": "b", "е": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p", "с": "c", "т": "t", "у": "y", "х": "x",
        "і": "i", "ј": "j", "ѕ": "s", "ԁ": "d", "ԛ": "q", "ԝ": "w",
        "α": "a", "β": "b", "ε": "e", "ζ": "z", "η": "h", "ι": "i", "κ": "k", "μ": "m", "ν": "n", "ο": "o", "ρ": "p", "τ": "t",
        "υ": "y", "χ": "x",
    ]
}

/// Someone already held who may be the same person.
public struct LikelyDuplicate: Sendable, Equatable {
    public var candidateID: CandidateID
    public var name: String
    /// "the same phone number", "the same name and profile link".
    public var reason: String

    public init(candidateID: CandidateID, name: String, reason: String) {
        self.candidateID = candidateID
        self.name = name
        self.reason = reason
    }
}

/// One person holding one identity key, as the store finds them.
public struct KeyHolder: Sendable, Equatable {
    public var key: String
    public var candidateID: CandidateID
    public var name: String

    public init(key: String, candidateID: CandidateID, name: String) {
        self.key = key
        self.candidateID = candidateID
        self.name = name
    }
}

extension LikelyDuplicate {
    /// The people among `holders` other than `excluding`, in id order, at most `limit` key matches read: one entry
    /// each, with every reason they matched (the phone first).
    public static func found(in holders: [KeyHolder], excluding: CandidateID?, limit: Int = 20) -> [LikelyDuplicate] {
        var found: [LikelyDuplicate] = []
        for holder in holders.filter({ $0.candidateID != excluding }).sorted(by: { $0.candidateID < $1.candidateID }).prefix(limit) {
            let reason = IdentityKeys.reason(holder.key)
            if let index = found.firstIndex(where: { $0.candidateID == holder.candidateID }) {
                if !found[index].reason.contains(reason) {
                    found[index].reason = [found[index].reason, reason].sorted { $0.contains("phone") && !$1.contains("phone") }
                        .joined(separator: ", and ")
                }
            } else {
                found.append(LikelyDuplicate(candidateID: holder.candidateID, name: holder.name, reason: reason))
            }
        }
        return found
    }
}
