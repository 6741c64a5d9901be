import Foundation
import Hummingbird
import RapportAPI
import RapportCore
import RapportOutreach

enum DiscoveryRoutes {
    static func register(on group: RouterGroup<RapportRequestContext>, outreach: OutreachService) {
        group.post("candidates/{id}/discovery") { request, context in
            let user = try context.requireUser()
            let candidateID = CandidateID(try context.id())
            let body = try await RequestBody.decode(DiscoveryDocument.self, from: request, schema: DiscoveryDocument.schema)
            do {
                let (logged, candidate, touch) = try await outreach.recordDiscovery(DiscoveryRecord(
                    candidateID: candidateID, channel: body.channel, occurredAt: body.occurredAt, notes: body.notes,
                    verifiedSkills: body.verifiedSkills?.map(\.skill) ?? [], goals: body.goals?.goals, interests: body.interests?.interests, cadenceDays: body.cadenceDays),
                    by: user)
                return try EditedResponse(status: .created, response: DiscoveryResultDocument(
                    outreach: OutreachDocument(logged), candidateVersion: candidate.version,
                    touch: touch.map { TouchDocument($0, now: outreach.records.now()) })).response(from: request, context: context)
            } catch let refused as OutreachRefused {
                return try PolicyBlockedDocument.response(refused)
            }
        }
        group.get("candidates/{id}/relationship") { _, context in
            let candidateID = CandidateID(try context.id())
            let summary = try await outreach.relationship(of: candidateID)
            return RelationshipDocument(
                candidateID: candidateID, firstDiscoveryAt: summary.firstDiscoveryAt, firstPitchAt: summary.firstPitchAt,
                discoveryBeforeFirstPitch: summary.discoveryBeforeFirstPitch,
                touch: summary.touch.map { TouchDocument($0, now: outreach.records.now()) })
        }
        group.put("candidates/{id}/cadence") { request, context in
            _ = try context.requireUser()
            let body = try await RequestBody.decode(CadenceDocument.self, from: request, schema: CadenceDocument.schema)
            let touch = try await outreach.records.store.setTouchCadence(CandidateID(try context.id()), days: body.cadenceDays,
                                                                         at: outreach.records.now())
            return TouchListDocument(items: [TouchDocument(touch, now: outreach.records.now())])
        }
        group.get("touches") { request, context in
            let user = try context.requireUser()
            let days = try request.count(OutreachParameters.touchesWithinDays)
            let now = outreach.records.now()
            let touches = try await outreach.records.store.dueTouches(owner: user.id, before: now.addingTimeInterval(Double(days) * 86_400),
                                                                      limit: 500)
            return TouchListDocument(items: touches.map { TouchDocument($0, now: now) })
        }
    }
}
