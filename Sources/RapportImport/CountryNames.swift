import Foundation
import RapportCore
import RapportText

/// Countries as people write them where a code belongs: "NZ", "gb", "UK", "USA", "United States of America",
/// "New Zealand", "Türkiye"; the English names come from the system's locale data.
enum CountryNames {
    /// An ISO code ("NZ", "gb"), "UK", or an English country name ("New Zealand", "USA", "United States of America").
    static func code(_ written: String) -> String? {
        let text = written.trimmedSpaces
        let upper = text.uppercased()
        if upper.count == 2, Country.isKnown(upper) { return upper }
        let aliases = ["UK": "GB", "USA": "US", "U.S.": "US", "U.S.A.": "US", "UNITED STATES OF AMERICA": "US", "ENGLAND": "GB",
                       "SCOTLAND": "GB", "WALES": "GB", "NORTHERN IRELAND": "GB", "GREAT BRITAIN": "GB", "AOTEAROA": "NZ"]
        if let code = aliases[upper] { return code }
        return Self.countryNames[upper.folding(options: [.diacriticInsensitive], locale: nil)]
    }

    private static let countryNames: [String: String] = {
        var names: [String: String] = [:]
        let english = Locale(identifier: "en")
        for code in Country.codes {
            if let name = english.localizedString(forRegionCode: code) {
                names[name.uppercased().folding(options: [.diacriticInsensitive], locale: nil)] = code
            }
        }
        return names
    }()
}
