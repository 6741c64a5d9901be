import Foundation
import RapportCore
import Testing

private let replyToday = LocalDate(year: 2026, month: 11, day: 28)!

private func date(_ text: String) -> LocalDate { LocalDate(text)! }

/// One realistic reply and what a recruiter would call it.
struct ReplyCase: CustomTestStringConvertible, Sendable {
    var text: String
    var intent: ReplyIntent
    var testDescription: String { String(text.prefix(60)) }
}

@Suite("Reply classification")
struct ReplyClassifierTests {
    let classifier = ReplyClassifier()

    static let replies: [ReplyCase] = [
        // Interested.
        ReplyCase(text: "Sounds good, let's talk. I'm free Tuesday afternoon.", intent: .interested),
        ReplyCase(text: "Hi Sam,\n\nYes I'd be interested. Send the details through when you can.\n\nCheers,\nTom", intent: .interested),
        ReplyCase(text: "keen as, give me a call", intent: .interested),
        ReplyCase(text: "Happy to chat - call me on 021 555 0199", intent: .interested),
        ReplyCase(text: "Yep, sounds great. CV attached.", intent: .interested),
        ReplyCase(text: "I'm interested but is it remote?", intent: .interested),
        ReplyCase(text: "intrested! tell me more", intent: .interested),
        ReplyCase(text: "Sure", intent: .interested),
        ReplyCase(text: "Definitely open to hearing more. Happy to be put forward.", intent: .interested),
        ReplyCase(text: "Hi, is the role still open? I'd love to apply.", intent: .interested),
        ReplyCase(text: "Can you call me tomorrow?", intent: .interested),
        // Not interested, with the reason.
        ReplyCase(text: "Thanks but no thanks.", intent: .notInterested(nil)),
        ReplyCase(text: "Not interested.", intent: .notInterested(nil)),
        ReplyCase(text: "Nope", intent: .notInterested(nil)),
        ReplyCase(text: "Yeah nah, not for me mate.", intent: .notInterested(nil)),
        ReplyCase(text: "Thanks, but the rate is way too low for me.", intent: .notInterested(.pay)),
        ReplyCase(text: "No thanks - that would be a pay cut from what I'm on now.", intent: .notInterested(.pay)),
        ReplyCase(text: "Appreciate it but the commute would be too far, I'm in Hamilton.", intent: .notInterested(.location)),
        ReplyCase(text: "I won't relocate to London, sorry.", intent: .notInterested(.location)),
        ReplyCase(text: "Not my skill set unfortunately, I'm a backend dev.", intent: .notInterested(.skills)),
        ReplyCase(text: "I don't know Kotlin at all so probably not a fit.", intent: .notInterested(.skills)),
        ReplyCase(text: "I'm happy where I am, thanks.", intent: .notInterested(.happyWhereIAm)),
        ReplyCase(text: "Thanks - I've just started a new role so I'm staying put.", intent: .notInterested(.happyWhereIAm)),
        ReplyCase(text: "I'm only looking at remote only roles, not going back to the office.", intent: .notInterested(.remote)),
        ReplyCase(text: "Not interested in contract work, permanent only.", intent: .notInterested(.employmentType)),
        ReplyCase(text: "I'll pass because of the industry - not keen on gambling.", intent: .notInterested(.other)),
        ReplyCase(text: "I'm not really interested, it's 100% onsite and I need remote.", intent: .notInterested(.remote)),
        ReplyCase(text: "I'd rather not relocate to Auckland.", intent: .notInterested(.location)),
        ReplyCase(text: "Salary is below what I make now.", intent: .notInterested(.pay)),
        ReplyCase(text: "I only do contract roles, sorry", intent: .notInterested(.employmentType)),
        ReplyCase(text: "Thank you for thinking of me! Unfortunately I've accepted an offer elsewhere.", intent: .notInterested(.happyWhereIAm)),
        ReplyCase(text: "Pass.", intent: .notInterested(nil)),
        // Not now, with the date when one is given (today is 2026-11-28).
        ReplyCase(text: "Not right now, maybe in March?", intent: .notNow(until: date("2027-03-01"))),
        ReplyCase(text: "Not looking until 15 April.", intent: .notNow(until: date("2027-04-15"))),
        ReplyCase(text: "Check back after my contract ends in June.", intent: .notNow(until: date("2027-06-01"))),
        ReplyCase(text: "Can you try me again in the new year?", intent: .notNow(until: date("2027-01-01"))),
        ReplyCase(text: "Not at the moment thanks, get in touch in 3 months", intent: .notNow(until: date("2027-02-28"))),
        ReplyCase(text: "Bad timing, ping me after Christmas.", intent: .notNow(until: date("2027-01-01"))),
        ReplyCase(text: "Not at the minute. Maybe next quarter.", intent: .notNow(until: date("2027-01-01"))),
        ReplyCase(text: "Not looking for now.", intent: .notNow(until: nil)),
        ReplyCase(text: "I'm locked in until 2027-03-31 on my current gig.", intent: .notNow(until: date("2027-03-31"))),
        ReplyCase(text: "Happy where I am at the moment but maybe in Q2.", intent: .notNow(until: date("2027-04-01"))),
        ReplyCase(text: "My contract ends in May, can we talk then.", intent: .notNow(until: date("2027-05-01"))),
        ReplyCase(text: "Not a good time - I'm on parental leave until September.", intent: .notNow(until: date("2027-09-01"))),
        ReplyCase(text: "I'm on assignment until end of March. Happy to chat after.", intent: .notNow(until: date("2027-03-31"))),
        // Referrals.
        ReplyCase(
            text: "Not for me, but my colleague Priya Shah might be interested: priya.shah@example.co.nz",
            intent: .referral(email: "priya.shah@example.co.nz", name: "Priya Shah")
        ),
        ReplyCase(text: "Try Jordan, he's looking for something new.", intent: .referral(email: nil, name: "Jordan")),
        ReplyCase(
            text: "cheers, not for me. My old workmate Hemi Walker might be keen tho", intent: .referral(email: nil, name: "Hemi Walker")
        ),
        ReplyCase(text: "I know a friend who would be perfect for this.", intent: .referral(email: nil, name: nil)),
        ReplyCase(text: "Please reach out to ana@example.com instead", intent: .referral(email: "ana@example.com", name: nil)),
        // Questions.
        ReplyCase(text: "What's the day rate?", intent: .question),
        ReplyCase(text: "Who is the client, and is it remote?", intent: .question),
        ReplyCase(text: "Can you tell me how many days in the office they expect", intent: .question),
        // Unsubscribe.
        ReplyCase(text: "Please remove me from your list.", intent: .unsubscribe),
        ReplyCase(text: "STOP EMAILING ME", intent: .unsubscribe),
        ReplyCase(text: "Don't contact me again.", intent: .unsubscribe),
        ReplyCase(text: "unsubscribe", intent: .unsubscribe),
        ReplyCase(text: "Honestly this is the 5th email this week, please stop.", intent: .unsubscribe),
        ReplyCase(text: "Not interested. Stop emailing me.", intent: .unsubscribe),
        // Nothing to go on.
        ReplyCase(text: "   \n  ", intent: .unclear),
        ReplyCase(text: "Received.", intent: .unclear),
        ReplyCase(text: "thanks", intent: .unclear),
    ]

    @Test("realistic replies get the intent a recruiter would give them", arguments: replies)
    func realisticReplies(reply: ReplyCase) {
        let result = classifier.classify(reply.text, today: replyToday)
        #expect(result.intent == reply.intent, "evidence: \(result.evidence)")
        #expect(!result.evidence.isEmpty)
        #expect((0...1).contains(result.confidence))
    }

    @Test("there are at least forty realistic replies in the table")
    func tableSize() {
        #expect(Self.replies.count >= 40)
    }

    @Test("an unsubscribe wins over everything else in the reply")
    func unsubscribeWins() {
        let text = "Sounds great, but not now - try my colleague jo@example.com. Actually, unsubscribe me, the pay is too low."
        let result = classifier.classify(text, today: replyToday)
        #expect(result.intent == .unsubscribe)
        #expect(result.suggestedChanges == [.suppressContact])
        #expect(result.suggestedChanges.allSatisfy { !$0.needsConfirmation })
    }

    @Test("a time-bounded 'don't contact me' is not now, not an unsubscribe")
    func dontContactUntil() {
        let result = classifier.classify("Don't contact me until March please.", today: replyToday)
        #expect(result.intent == .notNow(until: date("2027-03-01")))
    }

    @Test("quoted history, Outlook headers and signatures are not read as the reply")
    func quotedHistory() {
        let gmail = """
        Not interested thanks.

        On Mon, 23 Nov 2026 at 09:12, Sam Recruiter <sam@rapport.example> wrote:
        > Would you be interested in a Java role? Sounds good? Unsubscribe here.
        """
        #expect(classifier.classify(gmail, today: replyToday).intent == .notInterested(nil))

        let outlook = """
        Sounds good, call me.

        From: Sam Recruiter <sam@rapport.example>
        Sent: Monday, 23 November 2026 09:12
        To: Alex
        Subject: Java role - please don't contact me again if not interested
        """
        #expect(classifier.classify(outlook, today: replyToday).intent == .interested)

        let original = "What's the rate?\n-----Original Message-----\nRemove me from your list if you're not keen."
        #expect(classifier.classify(original, today: replyToday).intent == .question)

        let signature = "Keen to chat.\n-- \nAlex Chen | Senior Engineer | alex@home.example\nUnsubscribe from this signature"
        #expect(classifier.classify(signature, today: replyToday).intent == .interested)

        let signOff = "Not my area sorry.\n\nKind regards,\nJo Bloggs\njo.bloggs@acme.example"
        let result = classifier.classify(signOff, today: replyToday)
        #expect(result.intent == .notInterested(.skills))
        #expect(ReplyClassifier.stripQuotedHistory(signOff) == "Not my area sorry.")
        #expect(ReplyClassifier.stripQuotedHistory("Cheers!") == "Cheers!")
    }

    @Test("negation: 'not interested' never counts as interest")
    func negation() {
        #expect(classifier.classify("I'm not interested.", today: replyToday).intent == .notInterested(nil))
        #expect(classifier.classify("No longer keen, sorry", today: replyToday).intent == .notInterested(nil))
        #expect(classifier.classify("No, sounds good - send the details", today: replyToday).intent == .interested)
        #expect(classifier.classify("Not sure yet, what's the rate?", today: replyToday).intent == .question)
    }

    @Test("a positive reply that also asks something is interested, with less confidence than a plain yes")
    func interestedWithQuestion() {
        let plain = classifier.classify("I'm interested, let's talk.", today: replyToday)
        let asking = classifier.classify("I'm interested, but is it remote?", today: replyToday)
        #expect(asking.intent == .interested)
        #expect(asking.confidence < plain.confidence)
        #expect(asking.evidence.contains { $0.hasPrefix("outranked") })
    }

    @Test("blank replies are unclear with confidence zero")
    func blank() {
        let result = classifier.classify("", today: replyToday)
        #expect(result.intent == .unclear)
        #expect(result.confidence == 0)
        #expect(result.evidence == ["blank reply"])
    }

    @Test("a dated 'not now' sets availability; a contract end sets on-assignment")
    func availabilitySuggestions() {
        let notNow = classifier.classify("Not right now, maybe in March.", today: replyToday)
        #expect(notNow.suggestedChanges == [.setAvailability(Availability(status: .notLooking, until: date("2027-03-01")))])
        let contract = classifier.classify("Check back after my contract ends in June.", today: replyToday)
        #expect(contract.suggestedChanges == [.setAvailability(Availability(status: .onAssignment, until: date("2027-06-01")))])
        #expect(notNow.evidence.contains { $0.hasPrefix("date:") })
    }

    @Test("a decline reason becomes a preference change the recruiter confirms")
    func reasonSuggestion() {
        let result = classifier.classify("The rate is too low.", today: replyToday)
        #expect(result.intent == .notInterested(.pay))
        guard case .reviewPreference(.pay, let suggestion)? = result.suggestedChanges.first else {
            Issue.record("expected a pay suggestion, got \(result.suggestedChanges)")
            return
        }
        #expect(suggestion.lowercased().contains("raise minimum pay"))
        #expect(result.suggestedChanges.allSatisfy { $0.needsConfirmation })
    }

    @Test("a referral suggests a new linked candidate for the recruiter to confirm")
    func referralSuggestion() {
        let result = classifier.classify("My mate Ben Wu would suit this, ben@wu.example", today: replyToday)
        #expect(result.suggestedChanges == [.addReferral(email: "ben@wu.example", name: "Ben Wu")])
    }

    @Test("the replier's own address is not a referral")
    func ownAddress() {
        let result = classifier.classify("Interested - email me at alex.personal@example.com", today: replyToday)
        #expect(result.intent == .interested)
    }

    @Test("the recruiter's correction is certain and recomputes the suggestions")
    func correction() {
        let result = classifier.classify("Hmm, maybe.", today: replyToday)
        let corrected = result.corrected(to: .notNow(until: date("2027-02-01")))
        #expect(corrected.isCorrected)
        #expect(corrected.confidence == 1)
        #expect(corrected.suggestedChanges == [.setAvailability(Availability(status: .notLooking, until: date("2027-02-01")))])
        #expect(corrected.evidence.last?.contains("corrected by recruiter") == true)
    }

    @Test("more agreeing rules give more confidence, capped below certainty")
    func confidence() {
        let weak = classifier.classify("ok", today: replyToday)
        let strong = classifier.classify("Yes please, sounds great, I'm keen - call me!", today: replyToday)
        #expect(weak.confidence < strong.confidence)
        #expect(strong.confidence < 1)
    }

    @Test("decline reasons have stable codes")
    func reasonCodes() {
        #expect(DeclineReason.allCases.map(\.rawValue) == [
            "pay", "location", "skills", "happy_where_i_am", "remote", "employment_type", "seniority", "company", "other",
        ])
        #expect(ReplyIntent.notNow(until: nil).code == "not_now")
    }
}

@Suite("Dates in replies")
struct ReplyDateTests {
    @Test("dates are read as the next such day after today", arguments: [
        ("in March", "2027-03-01"),
        ("March", "2027-03-01"),
        ("until 15 April", "2027-04-15"),
        ("till the 3rd of February", "2027-02-03"),
        ("April 20th", "2027-04-20"),
        ("after March", "2027-04-01"),
        ("end of January", "2027-01-31"),
        ("mid December", "2026-12-15"),
        ("in November", "2027-11-01"),
        ("next month", "2026-12-01"),
        ("next week", "2026-12-05"),
        ("next year", "2027-01-01"),
        ("in 3 months", "2027-02-28"),
        ("in six weeks", "2027-01-09"),
        ("in a couple of months", "2027-01-28"),
        ("after Christmas", "2027-01-01"),
        ("in the new year", "2027-01-01"),
        ("Q2", "2027-04-01"),
        ("q4", "2027-10-01"),
        ("next quarter", "2027-01-01"),
        ("2027-03-01", "2027-03-01"),
        ("June 2028", "2028-06-01"),
        ("March next year", "2027-03-01"),
        ("end of the year", "2026-12-31"),
    ])
    func dates(text: String, expected: String) {
        let found = ReplyDateExtractor().firstDate(in: text, today: replyToday)
        #expect(found?.date == LocalDate(expected))
    }

    @Test("no date, past dates, ambiguous words and numeric dates give nothing", arguments: [
        "I may be interested", "2025-03-01", "03/04/2027", "after summer", "I started in March", "no thanks", "",
    ])
    func noDate(text: String) {
        #expect(ReplyDateExtractor().firstDate(in: text, today: replyToday) == nil)
    }
}
