import Foundation
import Hummingbird
import RapportAPI
import RapportCore

/// A job as the API reads and writes it.
struct JobDocument: VersionedDocument, ResponseEncodable {
    var id: JobID?
    var version: Int?
    var createdAt: Date?
    var updatedAt: Date?
    var title: String
    var description: String?
    var clientID: ClientID
    var location: Location
    var region: Region
    var remotePolicy: RemotePolicy
    var remoteScope: RemoteScopeDocument?
    var employmentType: EmploymentType
    var pay: PayRange?
    var requiredSkills: [JobSkill]
    var seniority: Seniority
    var startDate: LocalDate?
    var durationWeeks: Int?
    var openings: Int?
    var status: JobStatus?
    var practiceID: PracticeID?
    var ownerIDs: [UserID]?

    init(_ job: Job) {
        let details = job.details
        id = job.id
        version = job.version
        createdAt = job.createdAt
        updatedAt = job.updatedAt
        title = details.title
        description = details.description
        clientID = details.clientID
        location = details.location
        region = details.region
        remotePolicy = details.remotePolicy
        remoteScope = details.remoteScope.map(RemoteScopeDocument.init)
        employmentType = details.employmentType
        pay = details.pay
        requiredSkills = details.requiredSkills
        seniority = details.seniority
        startDate = details.startDate
        durationWeeks = details.durationWeeks
        openings = details.openings
        status = details.status
        practiceID = details.practiceID
        ownerIDs = details.ownerIDs
    }

    var details: JobDetails {
        JobDetails(
            title: title, description: description ?? "", clientID: clientID, location: location, region: region,
            remotePolicy: remotePolicy, remoteScope: remoteScope?.scope, employmentType: employmentType, pay: pay, requiredSkills: requiredSkills,
            seniority: seniority, startDate: startDate, durationWeeks: durationWeeks, openings: openings ?? 1,
            status: status ?? .open, practiceID: practiceID, ownerIDs: ownerIDs ?? [])
    }

    static let schema = Schema.object("An opening at a client and the skills it needs; `pay` is absent when the client has not disclosed it.", [
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

    static let components: [String: Schema] = [
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
struct RemoteScopeDocument: Codable, Sendable {
    var area: RemoteScope.Area
    var countries: [String]?
    var timeZones: [String]?
    var overlapHours: Int?
    var contractorsAbroad: Bool?

    init(_ scope: RemoteScope) {
        area = scope.area
        countries = scope.countries.isEmpty ? nil : scope.countries
        timeZones = scope.timeZones.isEmpty ? nil : scope.timeZones
        overlapHours = scope.overlapHours
        contractorsAbroad = scope.engagesContractorsAbroad
    }

    var scope: RemoteScope {
        RemoteScope(area: area, countries: countries ?? [], timeZones: timeZones ?? [], overlapHours: overlapHours,
                    engagesContractorsAbroad: contractorsAbroad ?? false)
    }
}

/// A client as the API reads and writes it.
struct ClientDocument: VersionedDocument, ResponseEncodable {
    var id: ClientID?
    var version: Int?
    var name: String
    var industry: String
    var region: Region
    var website: String?
    var notes: String?

    init(_ client: Client) {
        id = client.id
        version = client.version
        name = client.details.name
        industry = client.details.industry
        region = client.details.region
        website = client.details.website
        notes = client.details.notes
    }

    var details: ClientDetails {
        ClientDetails(name: name, industry: industry, region: region, website: website, notes: notes ?? "")
    }

    static let schema = Schema.object("A company the firm recruits for.", [
        readOnly("id", .id),
        optional("version", .integer("The version you last read; required for PUT and PATCH.", minimum: 1)),
        required("name", .string("Unique client name.", maxLength: 200).nonBlank),
        required("industry", .string(maxLength: 100).nonBlank),
        required("region", .enumeration(Region.self)),
        optional("website", .string(format: "uri", maxLength: 500)),
        optional("notes", .string(maxLength: 10_000)),
    ])
}

enum JobRoutes {
    static func resource(records: FirmRecords) -> ResourceRoutes<JobDocument> {
        ResourceRoutes(
            name: "jobs",
            schema: JobDocument.schema,
            list: { request, page in
                return try await records.store.jobs(try query(from: request), page: page).map(JobDocument.init)
            },
            read: { id in JobDocument(try await records.store.job(JobID(id))) },
            create: { document, _, _ in JobDocument(try await records.createJob(document.details)) },
            update: { id, version, document, _, _ in
                JobDocument(try await records.updateJob(JobID(id), expectedVersion: version, document.details))
            },
            delete: { id, _ in try await records.deleteJob(JobID(id)) })
    }

    static let filters: [OpenAPIDocument.Parameter] = [
        .init(name: "status", description: "Job status.", schema: .enumeration(JobStatus.self)),
        .init(name: "client", description: "Client id.", schema: .integer(minimum: 1)),
        .init(name: "practice", description: "Practice id.", schema: .integer(minimum: 1)),
        .init(name: "region", description: "Region.", schema: .enumeration(Region.self)),
    ]

    static func query(from request: Request) throws -> JobQuery {
        JobQuery(
            status: try request.enumParameter("status", JobStatus.self),
            clientID: try request.idParameter("client").map { ClientID($0) },
            practiceID: try request.idParameter("practice").map { PracticeID($0) },
            region: try request.enumParameter("region", Region.self, uppercased: true))
    }
}

enum ClientRoutes {
    static func resource(records: FirmRecords) -> ResourceRoutes<ClientDocument> {
        ResourceRoutes(
            name: "clients",
            schema: ClientDocument.schema,
            list: { _, page in
                return try await records.store.clients(page: page).map(ClientDocument.init)
            },
            read: { id in ClientDocument(try await records.store.client(ClientID(id))) },
            create: { document, _, _ in ClientDocument(try await records.createClient(document.details)) },
            update: { id, version, document, _, _ in
                ClientDocument(try await records.updateClient(ClientID(id), expectedVersion: version, document.details))
            },
            delete: { id, _ in try await records.store.deleteClient(ClientID(id)) })
    }
}
