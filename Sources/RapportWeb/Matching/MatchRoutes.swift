import Hummingbird
import RapportAPI
import RapportCore
import RapportMatch

/// Matching: the best candidates for a job, the best open jobs for a candidate, and one candidate × job fit.
enum MatchRoutes {
    static func register(on group: RouterGroup<RapportRequestContext>, matching: MatchService) {
        group.get("jobs/{id}/matches") { request, context in
            let jobID = JobID(try context.id())
            let limit = try request.count(MatchParameters.candidateLimit)
            let includeIneligible = try request.boolean(MatchParameters.includeIneligible)
            let matches = try await matching.matches(for: jobID, limit: limit, includeIneligible: includeIneligible)
            let taxonomy = matching.taxonomy
            return JobMatchesDocument(jobID: jobID, taxonomyVersion: taxonomy.version, items: matches.map { match in
                JobMatchesDocument.Item(
                    candidate: .init(id: match.candidateID, name: match.name, headline: match.headline),
                    fit: FitDocument(match.fit, taxonomy: taxonomy))
            })
        }
        group.get("jobs/{id}/matches/{candidateID}") { _, context in
            let jobID = JobID(try context.id())
            let candidateID = CandidateID(try context.id("candidateID"))
            let fit = try await matching.fit(candidate: candidateID, job: jobID)
            return FitDocument(fit, taxonomy: matching.taxonomy)
        }
        group.get("candidates/{id}/opportunities") { request, context in
            let candidateID = CandidateID(try context.id())
            let limit = try request.count(MatchParameters.jobLimit)
            let matches = try await matching.opportunities(for: candidateID, limit: limit)
            let taxonomy = matching.taxonomy
            return OpportunitiesDocument(candidateID: candidateID, taxonomyVersion: taxonomy.version, items: matches.map { match in
                OpportunitiesDocument.Item(
                    job: .init(id: match.jobID, title: match.title, clientID: match.clientID),
                    fit: FitDocument(match.fit, taxonomy: taxonomy))
            })
        }
    }
}
