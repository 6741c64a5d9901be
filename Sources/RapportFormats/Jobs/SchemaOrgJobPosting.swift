import Foundation
import RapportText

/// A job posting in schema.org's `JobPosting` vocabulary, as careers pages publish it in JSON-LD (schema.org,
/// Apache-2.0; Google's job-posting guidance for which properties matter). Read as leniently as résumés: every
/// property schema.org allows in more than one shape (text or object, one or a list) is accepted in each, and
/// what cannot be trusted is reported at its JSON pointer.
public struct SchemaOrgJobPosting: Equatable, Sendable {
    /// A place the job is done at: `jobLocation`'s `PostalAddress`, or its text.
    public struct Place: Equatable, Sendable {
        public var street: String?
        public var locality: String?
        public var region: String?
        public var postalCode: String?
        /// As written: an ISO code ("US"), or a name ("USA", "United Kingdom").
        public var country: String?

        public init(street: String? = nil, locality: String? = nil, region: String? = nil, postalCode: String? = nil, country: String? = nil) {
            self.street = street
            self.locality = locality
            self.region = region
            self.postalCode = postalCode
            self.country = country
        }
    }

    /// Where applicants may work from (`applicantLocationRequirements`): a country, or a state or other area.
    public struct ApplicantLocation: Equatable, Sendable {
        public enum Kind: String, Sendable {
            case country = "Country"
            case state = "State"
            case area = "AdministrativeArea"
        }

        public var kind: Kind
        /// As written: "USA", "US", "New Zealand".
        public var name: String

        public init(kind: Kind, name: String) {
            self.kind = kind
            self.name = name
        }
    }

    /// schema.org's `employmentType` words, which Google also uses.
    public enum Employment: String, CaseIterable, Sendable {
        case fullTime = "FULL_TIME"
        case partTime = "PART_TIME"
        case contractor = "CONTRACTOR"
        case temporary = "TEMPORARY"
        case intern = "INTERN"
        case volunteer = "VOLUNTEER"
        case perDiem = "PER_DIEM"
        case other = "OTHER"
    }

    /// `title`, or `name` where a posting gives only that.
    public var title: String?
    /// The description as plain text: HTML markup taken out, paragraphs and list items kept as lines.
    public var description: String?
    /// The employer's own reference for the posting (`identifier`), "name:value" when it is a `PropertyValue`.
    public var identifier: String?
    public var url: String?
    public var datePosted: PostingDay?
    public var validThrough: PostingDay?
    public var jobStartDate: PostingDay?
    public var organization: String?
    public var organizationURL: String?
    public var industry: String?
    public var employment: [Employment] = []
    public var locations: [Place] = []
    /// `jobLocationType` is `TELECOMMUTE`: the job is done remotely.
    public var telecommute = false
    public var applicantLocations: [ApplicantLocation] = []
    /// `baseSalary` read into the same pay model as salary text; nil when the posting gives none.
    public var salary: SalaryText?
    /// Skills listed one by one (`skills` as a list, `DefinedTerm`s, or short comma-separated names).
    public var skills: [String] = []
    /// `skills` written as prose ("Web application development using Java/J2EE…"), for the skill extractor.
    public var skillsProse: String?
    /// `experienceRequirements.monthsOfExperience`, or years written in its text.
    public var experienceMonths: Int?
    public var experienceText: String?
    public var qualifications: [String] = []
    public var responsibilities: [String] = []
    public var educationRequirements: [String] = []
    public var openings: Int?

    public init() {}

    /// Reads one posting (a JSON-LD object whose `@type` is `JobPosting`); the issues say what was salvaged or left out.
    public static func read(_ value: JSONValue) throws(FormatError) -> (posting: SchemaOrgJobPosting, issues: [FormatIssue]) {
        guard case .object = value else { throw FormatError("must be a JSON-LD object describing one job, not \(value.kind)") }
        var reader = ResumeReader()
        let types = Self.types(of: value)
        if types.isEmpty {
            reader.warn("/@type", "is missing; read as a JobPosting")
        } else if !types.contains("JobPosting") {
            throw FormatError("is a schema.org \(types.joined(separator: " and ")), not a JobPosting")
        }
        var posting = SchemaOrgJobPosting()
        posting.title = reader.text(value["title"], at: "/title")
        if posting.title == nil, let name = reader.text(value["name"], at: "/name") {
            reader.warn("/title", "is missing; read the posting's name \"\(name)\" as its title")
            posting.title = name
        }
        posting.description = reader.text(value["description"], at: "/description").map(HTMLText.plain)
        posting.identifier = Self.identifier(value["identifier"], &reader)
        posting.url = reader.url(value["url"], at: "/url")
        posting.datePosted = Self.day(value["datePosted"], at: "/datePosted", &reader)
        posting.validThrough = Self.day(value["validThrough"], at: "/validThrough", &reader)
        posting.jobStartDate = Self.day(value["jobStartDate"], at: "/jobStartDate", &reader)
        switch value["hiringOrganization"] {
        case .string(let name)?:
            posting.organization = reader.clean(name, at: "/hiringOrganization")
        case let organization?:
            if let organization = reader.object(organization, at: "/hiringOrganization") {
                posting.organization = reader.text(organization["name"], at: "/hiringOrganization/name")
                posting.organizationURL = reader.url(organization["sameAs"] ?? organization["url"],
                                                     at: organization["sameAs"] == nil ? "/hiringOrganization/url" : "/hiringOrganization/sameAs")
            }
        case nil:
            break
        }
        posting.industry = Self.names(value["industry"], at: "/industry", &reader).first
        posting.employment = Self.employment(value["employmentType"], &reader)
        posting.locations = Self.each(value["jobLocation"], at: "/jobLocation").compactMap { place, at in Self.place(place, at: at, &reader) }
        for (type, at) in Self.each(value["jobLocationType"], at: "/jobLocationType") {
            guard let text = reader.text(type, at: at) else { continue }
            if text.uppercased() == "TELECOMMUTE" {
                posting.telecommute = true
            } else {
                reader.warn(at, "must be TELECOMMUTE, the only value schema.org defines; found \"\(text)\", left out")
            }
        }
        posting.applicantLocations = Self.each(value["applicantLocationRequirements"], at: "/applicantLocationRequirements")
            .compactMap { requirement, at in Self.applicantLocation(requirement, at: at, &reader) }
        posting.salary = Self.salary(value["baseSalary"], currency: reader.text(value["salaryCurrency"], at: "/salaryCurrency"), &reader)
        (posting.skills, posting.skillsProse) = Self.skills(value["skills"], &reader)
        (posting.experienceMonths, posting.experienceText) = Self.experience(value["experienceRequirements"], &reader)
        posting.qualifications = Self.texts(value["qualifications"], at: "/qualifications", &reader)
        posting.responsibilities = Self.texts(value["responsibilities"], at: "/responsibilities", &reader)
        posting.educationRequirements = Self.texts(value["educationRequirements"], at: "/educationRequirements", &reader)
        switch value["totalJobOpenings"] {
        case .integer(let count)? where (1...10_000).contains(count):
            posting.openings = Int(count)
        case .string(let text)? where Int(text).map { (1...10_000).contains($0) } ?? false:
            posting.openings = Int(text)
        case let other?:
            reader.warn("/totalJobOpenings", "must be a whole number of openings; found \(other.kind), left out")
        case nil:
            break
        }
        return (posting, reader.issues)
    }

    // MARK: Files

    /// The JobPostings in a file: one JSON-LD object, a list of them, a `@graph`, or an HTML page with
    /// `<script type="application/ld+json">` blocks (as careers pages carry them). Other things described beside them
    /// (the organisation, the web page) are passed over; `@id` references to them are resolved, so a posting whose
    /// `hiringOrganization` is `{"@id": "#org"}` gets the organisation's name. Fails when there is no posting at all.
    public static func postings(in data: Data) throws(FormatError) -> [JSONValue] {
        guard let text = String(validating: data, as: UTF8.self) else {
            throw FormatError("is not UTF-8 text; save it as UTF-8 and try again")
        }
        var nodes: [JSONValue] = []
        if text.drop(while: \.isWhitespace).first == "<" {
            let blocks = HTMLText.jsonLDBlocks(in: text)
            guard !blocks.isEmpty else { throw FormatError("is an HTML page without a <script type=\"application/ld+json\"> block") }
            for (index, block) in blocks.enumerated() {
                do {
                    nodes += Self.nodes(try JSONValue.parse(Data(block.utf8)))
                } catch {
                    throw FormatError("has a JSON-LD block (number \(index + 1)) that \(error.message)")
                }
            }
        } else {
            nodes = Self.nodes(try JSONValue.parse(data))
        }
        var byID: [String: JSONValue] = [:]
        for node in nodes {
            if case .string(let id)? = node["@id"] { byID[id] = node }
        }
        let postings = nodes.filter { Self.types(of: $0).contains("JobPosting") }
        guard !postings.isEmpty else {
            // One untyped object is read as a posting, with a warning; anything else says what it is.
            if nodes.count == 1, Self.types(of: nodes[0]).isEmpty { return nodes }
            let found = Array(Set(nodes.flatMap(Self.types))).sorted()
            throw FormatError(found.isEmpty ? "holds no schema.org JobPosting"
                                            : "holds no schema.org JobPosting, only \(found.joined(separator: ", "))")
        }
        return postings.map { Self.resolved($0, byID: byID) }
    }

    /// The objects of a JSON-LD document: its `@graph`, the entries of a list, or the object itself.
    private static func nodes(_ value: JSONValue) -> [JSONValue] {
        switch value {
        case .array(let entries): entries.flatMap(nodes)
        case .object:
            if case .array(let graph)? = value["@graph"] { graph.flatMap(nodes) } else { [value] }
        default: [value]
        }
    }

    /// `hiringOrganization` and `jobLocation` given as `{"@id": …}` replaced by the node they name.
    private static func resolved(_ posting: JSONValue, byID: [String: JSONValue]) -> JSONValue {
        guard case .object(var fields) = posting else { return posting }
        for key in ["hiringOrganization", "jobLocation"] {
            if case .object(let reference)? = fields[key], reference.count == 1, case .string(let id)? = reference["@id"], let node = byID[id] {
                fields[key] = node
            }
        }
        return .object(fields)
    }

    static func types(of value: JSONValue) -> [String] {
        switch value["@type"] {
        case .string(let type)?: [Self.localName(type)]
        case .array(let types)?: types.compactMap { if case .string(let type) = $0 { Self.localName(type) } else { nil } }
        default: []
        }
    }

    /// "schema:JobPosting" and "https://schema.org/JobPosting" are "JobPosting".
    private static func localName(_ type: String) -> String {
        String(type.split(whereSeparator: { $0 == "/" || $0 == ":" || $0 == "#" }).last ?? Substring(type))
    }

    // MARK: Properties

    /// A property's values with their pointers: a list's entries, or the one value.
    private static func each(_ value: JSONValue?, at pointer: String) -> [(JSONValue, String)] {
        switch value {
        case nil, .null?: []
        case .array(let entries)?: entries.enumerated().map { ($1, "\(pointer)/\($0)") }
        case let single?: [(single, pointer)]
        }
    }

    /// Texts, or the `name` of each object given instead (a `DefinedTerm`, a `CategoryCode`).
    private static func names(_ value: JSONValue?, at pointer: String, _ reader: inout ResumeReader) -> [String] {
        each(value, at: pointer).compactMap { item, at in
            if case .object = item { return reader.text(item["name"], at: at + "/name") }
            return reader.text(item, at: at)
        }
    }

    /// Texts, or what a credential or requirement object says (`credentialCategory`, `about`, `description`, `name`).
    private static func texts(_ value: JSONValue?, at pointer: String, _ reader: inout ResumeReader) -> [String] {
        each(value, at: pointer).compactMap { item, at in
            guard case .object = item else { return reader.text(item, at: at).map(HTMLText.plain) }
            let parts = ["credentialCategory", "about", "description", "name"].compactMap { field -> String? in
                if case .object = item[field] { return reader.text(item[field]?["name"], at: "\(at)/\(field)/name") }
                return reader.text(item[field], at: "\(at)/\(field)")
            }
            return parts.isEmpty ? nil : parts.joined(separator: ", ")
        }
    }

    private static func identifier(_ value: JSONValue?, _ reader: inout ResumeReader) -> String? {
        switch value {
        case .object?:
            let name = reader.text(value?["name"], at: "/identifier/name")
            guard let id = reader.text(value?["value"], at: "/identifier/value") else { return nil }
            return name.map { "\($0):\(id)" } ?? id
        default:
            return reader.text(value, at: "/identifier")
        }
    }

    private static func day(_ value: JSONValue?, at pointer: String, _ reader: inout ResumeReader) -> PostingDay? {
        guard let text = reader.text(value, at: pointer) else { return nil }
        if let day = PostingDay(text) { return day }
        reader.warn(pointer, "must be an ISO 8601 date such as 2026-03-31; found \"\(text)\", left out")
        return nil
    }

    private static func employment(_ value: JSONValue?, _ reader: inout ResumeReader) -> [Employment] {
        var kinds: [Employment] = []
        for (item, at) in each(value, at: "/employmentType") {
            guard let text = reader.text(item, at: at) else { continue }
            // "Full-time", "full time", "FULL_TIME", "Contract".
            let word = text.uppercased().replacingOccurrences(of: "-", with: "_").replacingOccurrences(of: " ", with: "_")
            let kind = Employment(rawValue: word) ?? ["CONTRACT": .contractor, "FULLTIME": .fullTime, "PARTTIME": .partTime,
                                                       "PERMANENT": .fullTime, "TEMP": .temporary, "INTERNSHIP": .intern][word]
            if let kind {
                if !kinds.contains(kind) { kinds.append(kind) }
            } else {
                reader.warn(at, "must be one of \(Employment.allCases.map(\.rawValue).joined(separator: ", ")); found \"\(text)\", left out")
            }
        }
        return kinds
    }

    private static func place(_ value: JSONValue, at pointer: String, _ reader: inout ResumeReader) -> Place? {
        guard case .object = value else {
            // Some pages write the place as one line of text: keep it as the locality.
            return reader.text(value, at: pointer).map { Place(locality: $0) }
        }
        let address = value["address"] ?? value
        let at = value["address"] == nil ? pointer : pointer + "/address"
        guard case .object = address else { return reader.text(address, at: at).map { Place(locality: $0) } }
        var place = Place()
        place.street = reader.text(address["streetAddress"], at: at + "/streetAddress")
        place.locality = reader.text(address["addressLocality"], at: at + "/addressLocality")
        place.region = reader.text(address["addressRegion"], at: at + "/addressRegion")
        place.postalCode = reader.text(address["postalCode"], at: at + "/postalCode")
        if case .object = address["addressCountry"] {
            place.country = reader.text(address["addressCountry"]?["name"], at: at + "/addressCountry/name")
        } else {
            place.country = reader.text(address["addressCountry"], at: at + "/addressCountry")
        }
        if place == Place(), let name = reader.text(value["name"], at: pointer + "/name") { place.locality = name }
        guard place != Place() else {
            reader.warn(at, "gives no locality, region or country; left out")
            return nil
        }
        return place
    }

    private static func applicantLocation(_ value: JSONValue, at pointer: String, _ reader: inout ResumeReader) -> ApplicantLocation? {
        guard case .object = value else {
            // A bare name is most often a country ("USA").
            return reader.text(value, at: pointer).map { ApplicantLocation(kind: .country, name: $0) }
        }
        guard let name = reader.text(value["name"], at: pointer + "/name") else {
            reader.warn(pointer + "/name", "is missing; the requirement is left out")
            return nil
        }
        let type = types(of: value).first
        guard let kind = type.flatMap(ApplicantLocation.Kind.init(rawValue:)) ?? (type == nil ? .country : nil) else {
            reader.warn(pointer + "/@type", "must be Country, State or AdministrativeArea; found \(type ?? ""), left out")
            return nil
        }
        return ApplicantLocation(kind: kind, name: name)
    }

    /// `baseSalary` as a `MonetaryAmount` (a value, or a `QuantitativeValue` with `minValue`, `maxValue` and
    /// `unitText`), a bare number with `salaryCurrency`, or salary text.
    private static func salary(_ value: JSONValue?, currency: String?, _ reader: inout ResumeReader) -> SalaryText? {
        guard let value, value != .null else { return nil }
        func amount(_ value: JSONValue?, at pointer: String) -> Decimal? {
            switch value {
            case .integer(let number)?: return Decimal(number)
            case .number(let number)?: return Decimal(string: String(number))
            case .string(let text)?:
                if let number = Self.number(text) { return number }
                reader.warn(pointer, "must be a number; found \"\(text)\", left out")
                return nil
            case nil, .null?: return nil
            case let other?:
                reader.warn(pointer, "must be a number; found \(other.kind), left out")
                return nil
            }
        }
        let code = currency?.uppercased()
        switch value {
        case .string(let text) where Self.number(text) == nil:
            // Text such as "$150K–$180K a year": read as people write it; a stated currency decides a bare "$".
            var read = SalaryText.read(text)
            if case .stated(var stated) = read, stated.currency == nil, let code {
                stated.currency = code
                stated.dollar = false
                read = .stated(stated)
            }
            return read
        case .object:
            let amountCurrency = reader.text(value["currency"], at: "/baseSalary/currency")?.uppercased() ?? code
            let quantity = value["value"]
            var minimum: Decimal?
            var maximum: Decimal?
            var unitText = reader.text(value["unitText"], at: "/baseSalary/unitText")
            if case .object? = quantity {
                let single = amount(quantity?["value"], at: "/baseSalary/value/value")
                minimum = amount(quantity?["minValue"], at: "/baseSalary/value/minValue") ?? single
                maximum = amount(quantity?["maxValue"], at: "/baseSalary/value/maxValue") ?? single
                unitText = reader.text(quantity?["unitText"], at: "/baseSalary/value/unitText") ?? unitText
            } else {
                let single = amount(quantity, at: "/baseSalary/value")
                minimum = amount(value["minValue"], at: "/baseSalary/minValue") ?? single
                maximum = amount(value["maxValue"], at: "/baseSalary/maxValue") ?? single
            }
            return stated(minimum: minimum, maximum: maximum, currency: amountCurrency, unitText: unitText, &reader)
        default:
            let single = amount(value, at: "/baseSalary")
            return stated(minimum: single, maximum: single, currency: code, unitText: nil, &reader)
        }
    }

    /// "100000", "180,000", "57.50": digits with grouping commas and a decimal point, and nothing else.
    private static func number(_ text: String) -> Decimal? {
        let plain = text.trimmedSpaces.replacingOccurrences(of: ",", with: "")
        guard let first = plain.first, first.isASCII, first.isNumber, plain.filter({ $0 == "." }).count <= 1,
              plain.allSatisfy({ ($0.isASCII && $0.isNumber) || $0 == "." }) else { return nil }
        return Decimal(string: plain, locale: Locale(identifier: "en_US_POSIX"))
    }

    private static func stated(minimum: Decimal?, maximum: Decimal?, currency: String?, unitText: String?,
                               _ reader: inout ResumeReader) -> SalaryText {
        guard let low = minimum ?? maximum, let high = maximum ?? minimum, high > 0 else { return .notDisclosed }
        var period: SalaryText.Period?
        if let unitText {
            period = SalaryText.Period(rawValue: unitText.lowercased()) ?? SalaryText.period(in: unitText.lowercased())
            if period == nil { reader.warn("/baseSalary/value/unitText", "must be HOUR, DAY, WEEK, MONTH or YEAR; found \"\(unitText)\"") }
        }
        if let currency, currency.count != 3 || !currency.allSatisfy(\.isLetter) {
            reader.warn("/baseSalary/currency", "must be an ISO 4217 code such as USD; found \"\(currency)\", left unknown")
            return .stated(.init(minimum: min(low, high), maximum: max(low, high), currency: nil, dollar: false, period: period))
        }
        return .stated(.init(minimum: min(low, high), maximum: max(low, high), currency: currency, dollar: false, period: period))
    }

    /// Skills as a list of names, or one text: short comma-separated names, or prose for the extractor.
    private static func skills(_ value: JSONValue?, _ reader: inout ResumeReader) -> ([String], String?) {
        if case .string(let text)? = value {
            guard let text = reader.clean(text, at: "/skills") else { return ([], nil) }
            let parts = text.split(whereSeparator: { ",;•\n".contains($0) }).map { $0.trimmedSpaces }.filter { !$0.isEmpty }
            if parts.count > 1, parts.allSatisfy({ $0.split(separator: " ").count <= 4 }) { return (parts, nil) }
            return ([], HTMLText.plain(text))
        }
        return (names(value, at: "/skills", &reader), nil)
    }

    /// `monthsOfExperience` from an `OccupationalExperienceRequirements`, or the years a text states ("3+ years",
    /// "Minimum 5 years"), with the text itself.
    private static func experience(_ value: JSONValue?, _ reader: inout ResumeReader) -> (Int?, String?) {
        switch value {
        case .object?:
            let text = reader.text(value?["description"], at: "/experienceRequirements/description")
            switch value?["monthsOfExperience"] {
            case .integer(let months)? where (0...600).contains(months): return (Int(months), text)
            case .number(let months)? where (0...600).contains(months): return (Int(months), text)
            case .string(let months)? where Int(months).map { (0...600).contains($0) } ?? false: return (Int(months), text)
            case nil: return (text.flatMap(Self.yearsStated).map { $0 * 12 }, text)
            case let other?:
                reader.warn("/experienceRequirements/monthsOfExperience", "must be a number of months from 0 to 600; found \(other.kind), left out")
                return (nil, text)
            }
        default:
            let text = reader.text(value, at: "/experienceRequirements").map(HTMLText.plain)
            return (text.flatMap(Self.yearsStated).map { $0 * 12 }, text)
        }
    }

    /// The first "N years" (or "N+ yrs") a text states.
    public static func yearsStated(_ text: String) -> Int? {
        let words = text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        for (index, word) in words.enumerated() where index + 1 < words.count {
            if let years = Int(word), (1...40).contains(years), ["year", "years", "yrs", "yr"].contains(words[index + 1]) { return years }
        }
        return nil
    }
}

/// A calendar day a posting names (`datePosted`, `validThrough`); a date-time is read for its day.
public struct PostingDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init?(_ text: String) {
        let date = text.prefix(10)
        let parts = date.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              ResumeReader.isoDate(String(date)) != nil else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    public static func < (lhs: PostingDay, rhs: PostingDay) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public var description: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }
}
