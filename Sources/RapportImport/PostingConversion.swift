import Foundation
import RapportCore
import RapportFormats
import RapportMatch

/// What a job posting says, whichever format it came in (the JSON Resume job schema, schema.org JobPosting), with the
/// JSON pointer of each part so the report can say where a problem was.
struct PostingFacts {
    struct Place {
        var city: String?
        var state: String?
        /// As written: an ISO code or a country's name.
        var country: String?
    }

    var title: String?
    var company: String?
    var companyURL: String?
    var industry: String?
    var description = ""
    /// Employment as the posting writes it ("Full-time", "CONTRACTOR"), first listed first.
    var employment: [String] = []
    var places: [Place] = []
    /// Nil when the posting does not say.
    var remote: RemotePolicy?
    /// Where applicants may work from: country names or codes, and states.
    var applicantCountries: [String] = []
    var applicantStates: [String] = []
    var salary: SalaryText?
    /// Skills the posting lists by name, with the pointer of each; a group's name ("Web Development" over its keywords)
    /// is no skill itself when the taxonomy does not know it.
    var listedSkills: [(text: String, pointer: String, isGroup: Bool)] = []
    /// Text where the skills a job needs are written (title, qualifications): found skills are musts.
    var requirementText: [String] = []
    /// Text that mentions skills in passing (description, responsibilities): found skills are nice to have.
    var mentionText: [String] = []
    /// "Senior", "Mid-level"…
    var experienceLevel: String?
    var experienceYears: Int?
    var openings: Int?
    var startDate: PostingDay?
    var validThrough: PostingDay?
    /// The posting's own identifier or address, when it has one.
    var reference: String?
    var pointers: Pointers

    /// Where each part sits in the source format.
    struct Pointers {
        var title: String
        var company: String
        var location: String
        var remote: String
        var salary: String
        var employment: String
        var skills: String
        var startDate: String
        var validThrough: String
    }

    init(_ job: JSONResumeJob) {
        pointers = Pointers(title: "/title", company: "/company", location: "/location", remote: "/remote", salary: "/salary",
                            employment: "/type", skills: "/skills", startDate: "/date", validThrough: "/date")
        title = job.title
        company = job.company
        if let location = job.location {
            places = [Place(city: location.city, state: location.region, country: location.countryCode)]
        }
        remote = job.remote.map { switch $0 { case .full: .remote; case .hybrid: .hybrid; case .none: .onsite } }
        employment = job.type.map { [$0] } ?? []
        salary = job.salary
        for skill in job.skills {
            if let name = skill.name { listedSkills.append((name, skill.pointer + "/name", !skill.keywords.isEmpty)) }
            listedSkills += skill.keywords.enumerated().map { ($1, "\(skill.pointer)/keywords/\($0)", false) }
        }
        requirementText = [job.title].compactMap { $0 } + job.qualifications
        mentionText = [job.description].compactMap { $0 } + job.responsibilities
        description = Self.description(job.description, sections: [("Responsibilities", job.responsibilities),
                                                                    ("Qualifications", job.qualifications)])
        experienceLevel = job.experience
        experienceYears = (job.experience.map { [$0] } ?? job.qualifications).lazy.compactMap(SchemaOrgJobPosting.yearsStated).first
        reference = job.canonical.map { "url:" + $0 }
    }

    init(_ posting: SchemaOrgJobPosting) {
        pointers = Pointers(title: "/title", company: "/hiringOrganization", location: "/jobLocation", remote: "/jobLocationType",
                            salary: "/baseSalary", employment: "/employmentType", skills: "/skills", startDate: "/jobStartDate",
                            validThrough: "/validThrough")
        title = posting.title
        company = posting.organization
        companyURL = posting.organizationURL
        industry = posting.industry
        places = posting.locations.map { Place(city: $0.locality, state: $0.region, country: $0.country) }
        remote = posting.telecommute ? .remote : nil
        for requirement in posting.applicantLocations {
            if requirement.kind == .country { applicantCountries.append(requirement.name) } else { applicantStates.append(requirement.name) }
        }
        employment = posting.employment.map(\.rawValue)
        salary = posting.salary
        listedSkills = posting.skills.enumerated().map { ($1, "/skills/\($0)", false) }
        requirementText = [posting.title, posting.skillsProse, posting.experienceText].compactMap { $0 } + posting.qualifications
            + posting.educationRequirements
        mentionText = [posting.description].compactMap { $0 } + posting.responsibilities
        description = Self.description(posting.description, sections: [("Responsibilities", posting.responsibilities),
                                                                        ("Qualifications", posting.qualifications),
                                                                        ("Experience", [posting.experienceText].compactMap { $0 })])
        experienceYears = posting.experienceMonths.map { $0 / 12 }
        openings = posting.openings
        startDate = posting.jobStartDate
        validThrough = posting.validThrough
        reference = posting.identifier.map { "id:" + $0 } ?? posting.url.map { "url:" + $0 }
    }

    /// The description with the posting's listed sections after it, as a recruiter reads it.
    private static func description(_ text: String?, sections: [(String, [String])]) -> String {
        var parts = [text].compactMap { $0 }
        for (heading, items) in sections where !items.isEmpty && !(text ?? "").contains(items[0]) {
            parts.append(heading + ":\n" + items.map { "• " + $0 }.joined(separator: "\n"))
        }
        return parts.joined(separator: "\n\n")
    }
}

/// Turns what a posting says into a job: the client found by name (or made new), the desk from where the job is,
/// pay read into the pay model, skills through the taxonomy. What the posting does not state stays unknown or takes
/// Rapport's default, and every guess is a warning at the field it came from.
struct PostingConversion: Sendable {
    let normalizer: SkillNormalizer
    let extractor: SkillExtractor
    /// The desk for jobs outside the four regions, and for postings that give no country.
    let desk: Region?
    let today: LocalDate

    /// A converted posting: the job (its client id a placeholder when the client is new), the client to create if
    /// so, and the skill names the taxonomy does not know.
    struct Draft {
        var details: JobDetails
        var newClient: ClientDetails?
        var unresolvedSkills: [String]
    }

    /// The job, or nil when the posting lacks what a job needs; the reasons are errors in `issues`.
    func draft(from facts: PostingFacts, client existing: Client?, issues: inout [FormatIssue]) -> Draft? {
        func warn(_ field: String, _ message: String) { issues.append(FormatIssue(field: field, message)) }
        func refuse(_ field: String, _ message: String) { issues.append(FormatIssue(field: field, message, severity: .error)) }
        let pointers = facts.pointers
        if facts.title == nil { refuse(pointers.title, "is missing; a job needs a title") }
        if facts.company == nil { refuse(pointers.company, "is missing; a job needs the client it is for") }
        let (skills, unresolved) = skills(facts, issues: &issues)
        guard let title = facts.title, let company = facts.company, !skills.isEmpty,
              let (location, region) = place(facts, clientRegion: existing?.details.region, issues: &issues) else { return nil }
        let employmentType = employment(facts, issues: &issues)
        let remotePolicy = facts.remote ?? {
            if facts.pointers.remote == "/remote" { warn(pointers.remote, "is not given; recorded as on site") }
            return .onsite
        }()
        var details = JobDetails(
            title: String(title.prefix(200)), description: String(facts.description.prefix(50_000)), clientID: existing?.id ?? ClientID(0),
            location: location, region: region, remotePolicy: remotePolicy,
            remoteScope: remotePolicy == .remote ? remoteScope(facts, issues: &issues) : nil, employmentType: employmentType,
            pay: pay(facts.salary, country: location.country, region: region, employment: employmentType, at: pointers.salary, issues: &issues),
            requiredSkills: skills, seniority: seniority(facts, title: title, issues: &issues), openings: facts.openings ?? 1)
        if title.count > 200 { warn(pointers.title, "is longer than 200 characters; cut to 200") }
        if facts.description.count > 50_000 { warn("/description", "is longer than 50000 characters; cut to 50000") }
        if let start = facts.startDate, let date = LocalDate(start.description) {
            if date < today.adding(days: -366) || date > today.adding(days: 2 * 366) {
                warn(pointers.startDate, "is \(start), too far from today to plan for; left out")
            } else {
                details.startDate = date
            }
        }
        if let end = facts.validThrough, let date = LocalDate(end.description), date < today {
            warn(pointers.validThrough, "says the posting closed on \(end); imported as a closed job")
            details.status = .closed
        }
        var newClient: ClientDetails?
        if existing == nil {
            newClient = ClientDetails(name: String(company.prefix(200)), industry: String((facts.industry ?? "not stated").prefix(100)),
                                      region: region, website: facts.companyURL)
            warn(pointers.company, "\"\(company)\" is a client new to the firm; it is added"
                 + (facts.industry == nil ? " with its industry not stated" : ""))
        }
        return Draft(details: details, newClient: newClient, unresolvedSkills: unresolved)
    }

    // MARK: Place

    /// Where the job is, and the desk that handles it: from the first place given, or for a remote job from the
    /// countries applicants may live in; the desk from the country, the client's desk, or `--region`.
    private func place(_ facts: PostingFacts, clientRegion: Region?, issues: inout [FormatIssue]) -> (Location, Region)? {
        let pointer = facts.pointers.location
        if facts.places.count > 1 { issues.append(FormatIssue(field: pointer, "names \(facts.places.count) places; the first is kept")) }
        let place = facts.places.first
        var country: String?
        if let written = place?.country {
            country = CountryNames.code(written)
            if country == nil {
                issues.append(FormatIssue(field: pointer, "gives the country \"\(written)\", which is no ISO 3166 code or country name Rapport knows",
                                          severity: .error))
                return nil
            }
        } else if let state = place?.state, let code = Self.countryOfState(state) {
            country = code
        } else if place?.city == nil, let first = facts.applicantCountries.lazy.compactMap(CountryNames.code).first {
            country = first
            issues.append(FormatIssue(field: pointer, "is not given; placed in \(Country.name(first)), where applicants may work from"))
        }
        let home = country.flatMap(Region.init(country:))
        guard let region = home ?? desk ?? clientRegion else {
            if let country {
                issues.append(FormatIssue(field: pointer, "is in \(Country.name(country)): no desk of ours is there; say which handles it (--region)",
                                          severity: .error))
            } else {
                issues.append(FormatIssue(field: pointer, "gives no country; give it, or the desk that handles the job (--region)", severity: .error))
            }
            return nil
        }
        let city = place?.city.map { String($0.prefix(100)) }
        guard let country else {
            let assumed = region.country
            issues.append(FormatIssue(field: pointer, "gives no country; assumed \(Country.name(assumed)), the \(region.rawValue) desk's"))
            return (Location(city: city, country: assumed), region)
        }
        return (Location(city: city, country: country), region)
    }

    /// A US or Australian state named where a country should be ("WA" is Washington: US first).
    static func countryOfState(_ state: String) -> String? {
        ["US", "AU"].first { CountryTimeZones.isState(state, of: $0) }
    }

    private func remoteScope(_ facts: PostingFacts, issues: inout [FormatIssue]) -> RemoteScope? {
        var countries: [String] = []
        for written in facts.applicantCountries {
            guard let code = CountryNames.code(written) else {
                issues.append(FormatIssue(field: "/applicantLocationRequirements", "names \"\(written)\", no country Rapport knows; left out"))
                continue
            }
            if !countries.contains(code) { countries.append(code) }
        }
        for state in facts.applicantStates {
            guard let code = Self.countryOfState(state) else {
                issues.append(FormatIssue(field: "/applicantLocationRequirements", "names \"\(state)\", no state Rapport knows; left out"))
                continue
            }
            issues.append(FormatIssue(field: "/applicantLocationRequirements", "names the state \"\(state)\"; recorded as its country, \(code)"))
            if !countries.contains(code) { countries.append(code) }
        }
        return countries.isEmpty ? nil : .countries(countries)
    }

    // MARK: Terms

    private func employment(_ facts: PostingFacts, issues: inout [FormatIssue]) -> EmploymentType {
        let read = facts.employment.compactMap { text -> EmploymentType? in
            let word = text.lowercased().filter(\.isLetter)
            if word.contains("hire") || word.contains("perm") && word.contains("contract") { return .contractToHire }
            if word.contains("contract") || word.contains("temp") || word.contains("freelance") || word.contains("perdiem") { return .contract }
            if word.contains("full") || word.contains("part") || word.contains("perm") || word.contains("intern") { return .permanent }
            issues.append(FormatIssue(field: facts.pointers.employment, "\"\(text)\" is no employment type Rapport knows; left out"))
            return nil
        }
        guard let first = read.first else {
            if facts.employment.isEmpty {
                issues.append(FormatIssue(field: facts.pointers.employment, "is not given; recorded as permanent"))
            }
            return .permanent
        }
        if Set(read).count > 1 {
            issues.append(FormatIssue(field: facts.pointers.employment, "lists several kinds of employment; recorded as \(first.rawValue), the first"))
        }
        return first
    }

    /// The pay band: the posting's currency (a bare "$" by the job's country), its period (or one decided from the
    /// amounts), in minor units; not disclosed when it says nothing, "competitive", or offers no cash.
    func pay(_ salary: SalaryText?, country: String, region: Region, employment: EmploymentType, at pointer: String,
             issues: inout [FormatIssue]) -> PayRange? {
        switch salary {
        case nil, .notDisclosed?:
            return nil
        case .noCashPay?:
            issues.append(FormatIssue(field: pointer, "offers no cash pay (equity only); recorded as pay not disclosed"))
            return nil
        case .stated(let stated)?:
            let currency: Currency
            if let code = stated.currency {
                guard let known = Currency(rawValue: code) else {
                    issues.append(FormatIssue(field: pointer, "is in \(code), a currency Rapport holds no rates for; recorded as pay not disclosed"))
                    return nil
                }
                currency = known
            } else if let local = Self.currency(ofCountry: country, dollar: stated.dollar) {
                currency = local
                if !(stated.dollar && country == "US") {
                    issues.append(FormatIssue(field: pointer, "names no currency\(stated.dollar ? " but \"$\"" : ""); read as \(local.rawValue), "
                                              + "the currency of \(Country.name(country))"))
                }
            } else if stated.dollar {
                currency = .usd
                issues.append(FormatIssue(field: pointer, "names a \"$\" but \(Country.name(country)) has no dollar; read as USD"))
            } else {
                currency = region.currency
                issues.append(FormatIssue(field: pointer, "names no currency \(Country.name(country)) uses; read as \(currency.rawValue), "
                                          + "the \(region.rawValue) desk's"))
            }
            let unit: PayUnit
            if let period = stated.period {
                unit = PayUnit(rawValue: period.rawValue)!
            } else {
                unit = stated.maximum >= 15_000 ? .year : stated.maximum >= 150 ? (employment == .permanent ? .month : .day) : .hour
                issues.append(FormatIssue(field: pointer, "gives no period; read as per \(unit.rawValue) from the amounts"))
            }
            func minor(_ amount: Decimal) -> Int64 {
                var scaled = amount * Decimal(currency.minorUnitsPerMajor)
                var rounded = Decimal()
                NSDecimalRound(&rounded, &scaled, 0, .plain)
                return NSDecimalNumber(decimal: rounded).int64Value
            }
            return PayRange(minimum: Money(minorUnits: minor(stated.minimum), currency: currency, unit: unit),
                            maximum: Money(minorUnits: minor(stated.maximum), currency: currency, unit: unit))
        }
    }

    /// The currency of a country Rapport holds rates for; a bare "$" only where the dollar is the country's.
    static func currency(ofCountry country: String, dollar: Bool) -> Currency? {
        let dollars: [String: Currency] = ["US": .usd, "CA": .cad, "AU": .aud, "NZ": .nzd, "HK": .hkd, "SG": .sgd]
        if dollar { return dollars[country] }
        if let local = dollars[country] { return local }
        let euro: Set<String> = ["AT", "BE", "HR", "CY", "EE", "FI", "FR", "DE", "GR", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PT", "SK",
                                 "SI", "ES"]
        if euro.contains(country) { return .eur }
        return ["GB": .gbp, "IN": .inr, "CH": .chf, "LI": .chf][country]
    }

    private func seniority(_ facts: PostingFacts, title: String, issues: inout [FormatIssue]) -> Seniority {
        if let level = facts.experienceLevel.flatMap(Seniority.named(in:)) { return level }
        if let level = Seniority.named(in: title) { return level }
        if let years = facts.experienceYears {
            return years >= 8 ? .lead : years >= 5 ? .senior : years >= 2 ? .mid : .junior
        }
        issues.append(FormatIssue(field: facts.pointers.title, "says no seniority, and the posting no years of experience; recorded as mid"))
        return .mid
    }

    // MARK: Skills

    /// Listed skills and those written in the requirements are musts; those mentioned in the description nice to
    /// have. Names the taxonomy does not know are returned as written; no skill at all refuses the posting.
    private func skills(_ facts: PostingFacts, issues: inout [FormatIssue]) -> ([JobSkill], [String]) {
        var skills: [JobSkill] = []
        var unresolved: [String] = []
        func add(_ id: SkillID, _ importance: JobSkill.Importance) {
            guard !skills.contains(where: { $0.skillID == id }) else { return }
            skills.append(JobSkill(skillID: id, minimumLevel: importance == .must ? 3 : 2, minimumYears: 0, importance: importance,
                                   weight: importance == .must ? 6 : 3))
        }
        for (text, _, isGroup) in facts.listedSkills {
            switch normalizer.resolve(text) {
            case .resolved(let id, _, _)?: add(id, .must)
            case .unresolved? where isGroup: break
            case .unresolved?:
                // A group name ("Web Development") may still name skills the extractor finds inside it.
                let found = extractor.extract(from: text)
                found.forEach { add($0.skillID, .must) }
                if found.isEmpty, !unresolved.contains(where: { $0.caseInsensitiveCompare(text) == .orderedSame }) {
                    unresolved.append(String(text.prefix(100)))
                }
            case nil: break
            }
        }
        for text in facts.requirementText { extractor.extract(from: text).forEach { add($0.skillID, .must) } }
        for text in facts.mentionText { extractor.extract(from: text).forEach { add($0.skillID, .nice) } }
        if skills.isEmpty {
            let missing = unresolved.isEmpty ? "" : " (the taxonomy does not know \(unresolved.joined(separator: ", ")))"
            issues.append(FormatIssue(field: facts.pointers.skills, "names no skill Rapport knows, nor does the text\(missing); "
                                      + "a job needs at least one", severity: .error))
        }
        if skills.count > 40 {
            issues.append(FormatIssue(field: facts.pointers.skills, "comes to \(skills.count) skills; the first 40 kept, musts first"))
            skills = Array((skills.filter { $0.importance == .must } + skills.filter { $0.importance == .nice }).prefix(40))
        }
        return (skills, unresolved)
    }
}
