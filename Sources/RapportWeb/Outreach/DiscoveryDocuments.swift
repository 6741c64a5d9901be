import Foundation
import Hummingbird
import RapportAPI
import RapportCore
import RapportOutreach

/// A discovery conversation to record.
struct DiscoveryDocument: Decodable, Sendable {
    var channel: OutreachChannel
    var occurredAt: Date
    var notes: String
    var verifiedSkills: [CandidateSkill]?
    var goals: CareerGoals?
    var interests: Interests?
    var cadenceDays: Int?

    static let schema = Schema.object("A conversation about the person, not a job: what was learnt, and how often to keep in touch.", [
        required("channel", .enumeration(OutreachChannel.self, "How it happened: phone, meeting, linkedin or sms.")),
        required("occurredAt", .dateTime),
        required("notes", .string("What they said about themselves.", maxLength: 10_000).nonBlank),
        optional("verifiedSkills", .array(.ref("CandidateSkill"), "Each replaces the profile's entry for that skill.", maxItems: 100)),
        optional("goals", .ref("CareerGoals")),
        optional("interests", .ref("Interests")),
        optional("cadenceDays", .integer("How often they want to hear from us, 7 to 365 days.", minimum: 7, maximum: 365)),
    ])
}

struct CadenceDocument: Decodable, Sendable {
    var cadenceDays: Int

    static let schema = Schema.object("How often the candidate wants to hear from us.", [
        required("cadenceDays", .integer("7 to 365 days.", minimum: 7, maximum: 365)),
    ])
}

struct TouchDocument: Encodable, Sendable {
    var candidateID: CandidateID
    var cadenceDays: Int
    var nextTouchAt: Date
    var lastTouchAt: Date?
    var due: Bool

    init(_ touch: TouchSchedule, now: Date) {
        candidateID = touch.candidateID
        cadenceDays = touch.cadenceDays
        nextTouchAt = touch.nextTouchAt
        lastTouchAt = touch.lastTouchAt
        due = touch.nextTouchAt <= now
    }
}

struct TouchListDocument: ResponseEncodable, Sendable {
    var items: [TouchDocument]
}

struct RelationshipDocument: ResponseEncodable, Sendable {
    var candidateID: CandidateID
    var firstDiscoveryAt: Date?
    var firstPitchAt: Date?
    var discoveryBeforeFirstPitch: Bool?
    var touch: TouchDocument?
}

struct DiscoveryResultDocument: ResponseEncodable, Sendable {
    var outreach: OutreachDocument
    var candidateVersion: Int
    var touch: TouchDocument?
}

enum DiscoveryRoutes {
    static func register(on group: RouterGroup<RapportRequestContext>, outreach: OutreachService) {
        group.post("candidates/{id}/discovery") { request, context in
            let user = try context.requireUser()
            let candidateID = CandidateID(try context.id())
            let body = try await RequestBody.decode(DiscoveryDocument.self, from: request, schema: DiscoveryDocument.schema)
            do {
                let (logged, candidate, touch) = try await outreach.recordDiscovery(DiscoveryRecord(
                    candidateID: candidateID, channel: body.channel, occurredAt: body.occurredAt, notes: body.notes,
                    verifiedSkills: body.verifiedSkills ?? [], goals: body.goals, interests: body.interests, cadenceDays: body.cadenceDays),
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
            let days = try request.integerParameter("withinDays", default: 0, range: 0...90)
            let now = outreach.records.now()
            let touches = try await outreach.records.store.dueTouches(owner: user.id, before: now.addingTimeInterval(Double(days) * 86_400),
                                                                      limit: 500)
            return TouchListDocument(items: touches.map { TouchDocument($0, now: now) })
        }
    }
}
