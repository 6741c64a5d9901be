import Foundation
import RapportCore

/// A job as the API reads and writes it.
public struct JobDocument: VersionedDocument {
    public var id: JobID?
    public var version: Int?
    public var createdAt: Date?
    public var updatedAt: Date?
    public var title: String
    public var description: String?
    public var clientID: ClientID
    public var location: LocationDocument
    public var region: Region
    public var remotePolicy: RemotePolicy
    public var remoteScope: RemoteScopeDocument?
    public var employmentType: EmploymentType
    public var pay: PayRangeDocument?
    public var requiredSkills: [JobSkillDocument]
    public var seniority: Seniority
    public var startDate: LocalDate?
    public var durationWeeks: Int?
    public var openings: Int?
    public var status: JobStatus?
    public var practiceID: PracticeID?
    public var ownerIDs: [UserID]?

    public init(_ job: Job) {
        let details = job.details
        id = job.id
        version = job.version
        createdAt = job.createdAt
        updatedAt = job.updatedAt
        title = details.title
        description = details.description
        clientID = details.clientID
        location = LocationDocument(details.location)
        region = details.region
        remotePolicy = details.remotePolicy
        remoteScope = details.remoteScope.map(RemoteScopeDocument.init)
        employmentType = details.employmentType
        pay = details.pay.map(PayRangeDocument.init)
        requiredSkills = details.requiredSkills.map(JobSkillDocument.init)
        seniority = details.seniority
        startDate = details.startDate
        durationWeeks = details.durationWeeks
        openings = details.openings
        status = details.status
        practiceID = details.practiceID
        ownerIDs = details.ownerIDs
    }

    public var details: JobDetails {
        JobDetails(
            title: title, description: description ?? "", clientID: clientID, location: location.location, region: region,
            remotePolicy: remotePolicy, remoteScope: remoteScope?.scope, employmentType: employmentType, pay: pay?.range, requiredSkills: requiredSkills.map(\.skill),
            seniority: seniority, startDate: startDate, durationWeeks: durationWeeks, openings: openings ?? 1,
            status: status ?? .open, practiceID: practiceID, ownerIDs: ownerIDs ?? [])
    }

    public static let schema = Schema.object("An opening at a client and the skills it needs; `pay` is absent when the client has not disclosed it.", [
        readOnly("id", .id),
        optional("version", .integer("The version you last read; required for PUT and PATCH.", minimum: 1)),
        readOnly("createdAt", .dateTime),
        readOnly("updatedAt", .dateTime),
        required("title", .string(maxLength: 200).nonBlank),
        optional("description", .string(maxLength: 50_000)),
        required("clientID", .integer(minimum: 1)),
        required("location", .ref("Location")),
        required("region", .enumeration(Region.self)),
        required("remotePolicy", .enumeration(RemotePolicy.self)),
        optional("remoteScope", .ref("RemoteScope")),
        required("employmentType", .enumeration(EmploymentType.self)),
        optional("pay", .ref("PayRange")),
        required("requiredSkills", .array(.ref("JobSkill"), minItems: 1, maxItems: 40)),
        required("seniority", .enumeration(Seniority.self)),
        optional("startDate", .date),
        optional("durationWeeks", .integer("Contract length; not for permanent roles.", minimum: 1, maximum: 260)),
        optional("openings", .integer(minimum: 1, maximum: 500)),
        optional("status", .enumeration(JobStatus.self)),
        optional("practiceID", .integer(minimum: 1)),
        optional("ownerIDs", .array(.integer(minimum: 1), maxItems: 20)),
    ])

    public static let components: [String: Schema] = [
        "RemoteScope": .object("Where a remote job can be done from; absent when the posting did not say.", [
            required("area", .enumeration(RemoteScope.Area.self, "anywhere, the countries listed, or time zones listed.")),
            optional("countries", .array(.country, "Only for area countries.", maxItems: 250)),
            optional("timeZones", .array(.timeZone, "Only for area time_zones.", maxItems: 40)),
            optional("overlapHours", .integer("Hours of the working day shared with a listed zone; required for time_zones.",
                                              minimum: 1, maximum: 12)),
            optional("contractorsAbroad", .boolean("The client can engage a contractor abroad, so no local work rights are asked.")),
        ]),
        "PayRange": .object("Pay band; both ends share currency and unit.", [
            required("minimum", .ref("Money")),
            required("maximum", .ref("Money")),
        ]),
        "JobSkill": .object("A skill a job asks for.", [
            required("skillID", .integer(minimum: 1)),
            optional("minimumLevel", .integer(minimum: 1, maximum: 5)),
            optional("minimumYears", .number(minimum: 0, maximum: 40)),
            optional("importance", .enumeration(JobSkill.Importance.self)),
            optional("weight", .integer(minimum: 1, maximum: 10)),
        ]),
    ]
}

/// A job's remote scope as the API writes it: lists only where the area has them.
public struct RemoteScopeDocument: Codable, Sendable {
    public var area: RemoteScope.Area
    public var countries: [String]?
    public var timeZones: [String]?
    public var overlapHours: Int?
    public var contractorsAbroad: Bool?

    public init(_ scope: RemoteScope) {
        area = scope.area
        countries = scope.countries.isEmpty ? nil : scope.countries
        timeZones = scope.timeZones.isEmpty ? nil : scope.timeZones
        overlapHours = scope.overlapHours
        contractorsAbroad = scope.engagesContractorsAbroad
    }

    public var scope: RemoteScope {
        RemoteScope(area: area, countries: countries ?? [], timeZones: timeZones ?? [], overlapHours: overlapHours,
                    engagesContractorsAbroad: contractorsAbroad ?? false)
    }
}

/// A pay band; both ends share currency and unit.
public struct PayRangeDocument: Codable, Sendable {
    public var minimum: MoneyDocument
    public var maximum: MoneyDocument

    public init(_ range: PayRange) {
        minimum = MoneyDocument(range.minimum)
        maximum = MoneyDocument(range.maximum)
    }

    public var range: PayRange { PayRange(minimum: minimum.money, maximum: maximum.money) }
}

/// A skill a job asks for; what is left out takes Core's default.
public struct JobSkillDocument: Codable, Sendable {
    public var skillID: SkillID
    public var minimumLevel: Int?
    public var minimumYears: Double?
    public var importance: JobSkill.Importance?
    public var weight: Int?

    public init(_ skill: JobSkill) {
        skillID = skill.skillID
        minimumLevel = skill.minimumLevel
        minimumYears = skill.minimumYears
        importance = skill.importance
        weight = skill.weight
    }

    public var skill: JobSkill {
        let defaults = JobSkill(skillID: skillID)
        return JobSkill(skillID: skillID, minimumLevel: minimumLevel ?? defaults.minimumLevel, minimumYears: minimumYears ?? defaults.minimumYears,
                        importance: importance ?? defaults.importance, weight: weight ?? defaults.weight)
    }
}

/// A client as the API reads and writes it.
public struct ClientDocument: VersionedDocument {
    public var id: ClientID?
    public var version: Int?
    public var name: String
    public var industry: String
    public var region: Region
    public var website: String?
    public var notes: String?

    public init(_ client: Client) {
        id = client.id
        version = client.version
        name = client.details.name
        industry = client.details.industry
        region = client.details.region
        website = client.details.website
        notes = client.details.notes
    }

    public var details: ClientDetails {
        ClientDetails(name: name, industry: industry, region: region, website: website, notes: notes ?? "")
    }

    public static let schema = Schema.object("A company the firm recruits for.", [
        readOnly("id", .id),
        optional("version", .integer("The version you last read; required for PUT and PATCH.", minimum: 1)),
        required("name", .string("Unique client name.", maxLength: 200).nonBlank),
        required("industry", .string(maxLength: 100).nonBlank),
        required("region", .enumeration(Region.self)),
        optional("website", .string(format: "uri", maxLength: 500)),
        optional("notes", .string(maxLength: 10_000)),
    ])
}
