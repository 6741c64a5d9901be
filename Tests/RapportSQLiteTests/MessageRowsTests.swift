import Foundation
import RapportCore
@testable import RapportSQLite
import Testing

@Suite("Outbox envelopes and reply classifications as storage keeps them")
struct MessageRowsTests {
    /// Every intent, with and without its optional values.
    private static let intents: [ReplyIntent] = [
        .interested, .notInterested(.happyWhereIAm), .notInterested(nil), .notNow(until: LocalDate("2027-02-01")), .notNow(until: nil),
        .referral(email: "ana@example.com", name: "Ana"), .referral(email: nil, name: nil), .question, .unsubscribe, .unclear,
    ]

    /// Every suggested change.
    private static let changes: [SuggestedChange] = [
        .suppressContact, .setAvailability(Availability(status: .onAssignment, until: LocalDate("2027-06-30"))),
        .setAvailability(Availability(status: .passive)), .reviewPreference(.pay, suggestion: "Raise minimum pay"),
        .addReferral(email: "ana@example.com", name: nil),
    ]

    @Test("every intent and suggested change reads back as it was written")
    func classificationRoundTrip() throws {
        for intent in Self.intents {
            let written = ReplyClassification(intent: intent, confidence: 0.75, evidence: ["\"not now\""], suggestedChanges: Self.changes,
                                              isCorrected: true)
            let text = try OutreachRows.classification(written)
            #expect(try OutreachRows.decode(ClassificationRow.self, text).classification() == written)
        }
    }

    @Test("rows written by earlier versions, in the shape of Core's synthesized Codable, still read")
    func classificationWrittenEarlier() throws {
        let stored = """
            {"confidence":0.6,"evidence":["until March"],"intent":{"notNow":{"until":"2027-03-01"}},"isCorrected":false,\
            "suggestedChanges":[{"setAvailability":{"_0":{"status":"not_looking","until":"2027-03-01"}}},\
            {"reviewPreference":{"_0":"employment_type","suggestion":"Review"}},{"suppressContact":{}},{"addReferral":{"name":"Ana"}}]}
            """
        let read = try OutreachRows.decode(ClassificationRow.self, stored).classification()
        #expect(read == ReplyClassification(
            intent: .notNow(until: LocalDate("2027-03-01")), confidence: 0.6, evidence: ["until March"],
            suggestedChanges: [.setAvailability(Availability(status: .notLooking, until: LocalDate("2027-03-01"))),
                               .reviewPreference(.employmentType, suggestion: "Review"), .suppressContact, .addReferral(email: nil, name: "Ana")]))
        let declined = try OutreachRows.decode(ClassificationRow.self, """
            {"confidence":1,"evidence":[],"intent":{"notInterested":{"_0":"happy_where_i_am"}},"isCorrected":true,"suggestedChanges":[]}
            """).classification()
        #expect(declined.intent == .notInterested(.happyWhereIAm) && declined.isCorrected)
    }

    @Test("what is written keeps that shape, so earlier versions and SQL over the column read it too")
    func classificationShape() throws {
        let text = try OutreachRows.classification(ReplyClassification(
            intent: .notInterested(.pay), confidence: 0.5, evidence: [],
            suggestedChanges: [.setAvailability(Availability(status: .passive)), .reviewPreference(.pay, suggestion: "Raise")]))
        #expect(text == """
            {"confidence":0.5,"evidence":[],"intent":{"notInterested":{"_0":"pay"}},"isCorrected":false,\
            "suggestedChanges":[{"setAvailability":{"_0":{"status":"passive"}}},{"reviewPreference":{"_0":"pay","suggestion":"Raise"}}]}
            """)
    }

    @Test("a case or value this version does not know fails the read, naming the field")
    func classificationUnknown() throws {
        func stored(intent: String, changes: String = "") -> String {
            #"{"confidence":0,"evidence":[],"intent":\#(intent),"isCorrected":false,"suggestedChanges":[\#(changes)]}"#
        }
        let cases: [(stored: String, field: String)] = [
            (stored(intent: #"{"notInterested":{"_0":"boredom"}}"#), "reply.classification.intent.notInterested"),
            (stored(intent: #"{"shrug":{}}"#), "reply.classification.intent"),
            (stored(intent: #"{"question":{},"unclear":{}}"#), "reply.classification.intent"),
            (stored(intent: #"{"unclear":{}}"#, changes: #"{"reviewPreference":{"_0":"vibes","suggestion":""}}"#),
             "reply.classification.suggestedChanges.reviewPreference"),
            (stored(intent: #"{"unclear":{}}"#, changes: #"{"setAvailability":{"_0":{"status":"passive","until":"soon"}}}"#),
             "reply.classification.suggestedChanges.setAvailability.until"),
        ]
        for (text, field) in cases {
            do {
                _ = try OutreachRows.decode(ClassificationRow.self, text).classification()
                Issue.record("read \(text)")
            } catch let RapportError.invalid(issues) {
                #expect(issues.map(\.field) == [field], "\(text)")
            }
        }
    }

    @Test("an envelope reads back as it was written, in the shape earlier versions wrote")
    func envelope() throws {
        let written = MailEnvelope(
            fromName: "Rob Hale", fromEmail: "rob@rapport.test", toName: "Mere Tane", toEmail: "mere@example.com",
            replyTo: "replies@rapport.test", content: MessageContent(subject: "Three roles", text: "Hi Mere", html: "<p>Hi Mere</p>"),
            headers: [MailHeader("List-Unsubscribe", "<https://rapport.test/u/1>")], inReplyTo: "<a@rapport.test>",
            date: Date(timeIntervalSince1970: 1_795_000_000.25))
        let text = try OutreachRows.envelope(written)
        #expect(try OutreachRows.decode(EnvelopeRow.self, text).envelope == written)
        #expect(text == """
            {"content":{"html":"<p>Hi Mere<\\/p>","subject":"Three roles","text":"Hi Mere"},"date":1795000000250,\
            "fromEmail":"rob@rapport.test","fromName":"Rob Hale","headers":[{"name":"List-Unsubscribe",\
            "value":"<https:\\/\\/rapport.test\\/u\\/1>"}],"inReplyTo":"<a@rapport.test>","replyTo":"replies@rapport.test",\
            "toEmail":"mere@example.com","toName":"Mere Tane"}
            """)
        let minimal = try OutreachRows.decode(EnvelopeRow.self, """
            {"content":{"subject":"Welcome","text":"Hello"},"date":1795000000000,"fromEmail":"a@b.test","fromName":"A",\
            "headers":[],"toEmail":"c@d.test","toName":"C"}
            """).envelope
        #expect(minimal == MailEnvelope(fromName: "A", fromEmail: "a@b.test", toName: "C", toEmail: "c@d.test",
                                        content: MessageContent(subject: "Welcome", text: "Hello"), date: Date(timeIntervalSince1970: 1_795_000_000)))
    }
}
