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
                let allow = try request.boolean(CandidateParameters.allowLikelyDuplicateOnCreate)
                return CandidateDocument(try await records.createCandidate(document.profile, refusingLikelyDuplicates: !allow))
            },
            update: { id, version, document, request, _ in
                let allow = try request.boolean(CandidateParameters.allowLikelyDuplicateOnUpdate)
                // Feedback is the pipeline's to record: a change through the API keeps what is held.
                var profile = document.profile
                profile.feedback = try await records.store.candidate(CandidateID(id)).profile.feedback
                return CandidateDocument(try await records.updateCandidate(CandidateID(id), expectedVersion: version, profile,
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

    static func query(from request: Request, store: any RapportStore) async throws -> CandidateQuery {
        var query = CandidateQuery()
        let skills = request.queryFields.all(CandidateParameters.skill.name)
        if !skills.isEmpty {
            let taxonomy = try await store.allSkills()
            for text in skills {
                try CandidateParameters.skill.check(text)
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
        query.practiceID = try request.integer(CandidateParameters.practice).map { PracticeID($0) }
        query.region = try request.value(CandidateParameters.region, as: Region.self)
        // An empty list (`availability=`) filters nothing.
        query.availability = try request.values(CandidateParameters.availability, as: Availability.Status.self)
        query.name = try request.parameter(CandidateParameters.name)
        return query
    }
}
