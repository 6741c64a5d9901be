import Foundation
import Hummingbird
import RapportAPI
import RapportCore
import RapportFormats
import RapportText

/// The candidate routes: the shared CRUD set plus filters on the list.
enum CandidateRoutes {
    static func resource(records: FirmRecords) -> ResourceRoutes<CandidateDocument> {
        ResourceRoutes(
            name: "candidates",
            schema: CandidateDocument.schema,
            list: { request, page in
                let query = try await query(from: request, store: records.store)
                return try await records.store.candidates(query, page: page).map(CandidateDocument.init)
            },
            read: { id in CandidateDocument(try await held(CandidateID(id), store: records.store)) },
            create: { document, request, _ in
                let allow = try request.booleanParameter("allowLikelyDuplicate", default: false)
                return CandidateDocument(try await records.createCandidate(document.profile, refusingLikelyDuplicates: !allow))
            },
            update: { id, version, document, request, _ in
                let allow = try request.booleanParameter("allowLikelyDuplicate", default: false)
                return CandidateDocument(try await records.updateCandidate(CandidateID(id), expectedVersion: version, document.profile,
                                                                           refusingLikelyDuplicates: !allow))
            },
            delete: { id, _ in try await records.deleteCandidate(CandidateID(id)) })
    }

    /// The candidate, or a 404 that says where a merged record's person is now.
    static func held(_ id: CandidateID, store: any RapportStore) async throws -> Candidate {
        do {
            return try await store.candidate(id)
        } catch RapportError.notFound {
            guard let kept = try await store.mergedCandidate(id) else { throw RapportError.notFound(entity: "candidate", id: "\(id)") }
            throw APIError(status: .notFound, code: "merged", message: "candidate \(id) was merged into candidate \(kept); read that one")
        }
    }

    static let skillFilter = OpenAPIDocument.Parameter(name: "skill", description: "Skill id or name (aliases work, e.g. k8s); repeat for "
                                                       + "all of several. A name no skill has answers 404.",
                                                       schema: .string(maxLength: 100).nonBlank, repeated: true)
    static let nameFilter = OpenAPIDocument.Parameter(name: "name", description: "Part of the name, any case.", schema: .string(maxLength: 100))

    static let filters: [OpenAPIDocument.Parameter] = [
        skillFilter,
        .init(name: "practice", description: "Home practice id.", schema: .integer(minimum: 1)),
        .init(name: "region", description: "Region.", schema: .enumeration(Region.self)),
        .init(name: "availability", description: "Availability status; comma-separated for any of several.",
              schema: .enumeration(Availability.Status.self), commaSeparated: true),
        nameFilter,
    ]

    /// Creating someone who looks like a person already held is refused (409 `likely_duplicate`, naming them) unless
    /// the caller says it is someone else.
    static let createParameters: [OpenAPIDocument.Parameter] = [
        .init(name: "allowLikelyDuplicate", description: "Create the person even when they have the phone, or the name and a profile link, "
              + "of someone already held (the 409 likely_duplicate answer names them): say so only once a person has compared them.",
              schema: .boolean()),
    ]

    /// So is a change that gives someone the phone, or the name and a profile link, of another person held.
    static let updateParameters: [OpenAPIDocument.Parameter] = [
        .init(name: "allowLikelyDuplicate", description: "Store the change even when it gives the person the phone, or the name and a profile "
              + "link, of someone else held (the 409 likely_duplicate answer names them): say so only once a person has compared them.",
              schema: .boolean()),
    ]

    static func query(from request: Request, store: any RapportStore) async throws -> CandidateQuery {
        var query = CandidateQuery()
        let parameters = request.queryFields
        let skills = parameters.all("skill")
        if !skills.isEmpty {
            let taxonomy = try await store.allSkills()
            for text in skills {
                try skillFilter.check(text)
                let key = text.trimmed.lowercased()
                let match = taxonomy.first { skill in
                    String(skill.id.rawValue) == key || skill.name.lowercased() == key || skill.aliases.contains { $0.lowercased() == key }
                }
                guard let match else {
                    throw APIError(status: .notFound, code: "not_found", message: "no skill is called \"\(text.prefix(60))\"", field: "skill")
                }
                query.skillIDs.append(match.id)
            }
        }
        query.practiceID = try request.idParameter("practice").map { PracticeID($0) }
        query.region = try request.enumParameter("region", Region.self, uppercased: true)
        // An empty list (`availability=`) filters nothing.
        if let text = parameters["availability"], !text.isEmpty {
            for part in text.split(separator: ",", omittingEmptySubsequences: false) {
                guard let status = Availability.Status(rawValue: String(part)) else {
                    let allowed = Availability.Status.allCases.map(\.rawValue).joined(separator: ", ")
                    throw APIError.unprocessable([ValidationIssue(field: "availability", message: "must be one or more of: \(allowed)")])
                }
                query.availability.append(status)
            }
        }
        query.name = try request.parameter(nameFilter)
        return query
    }
}
