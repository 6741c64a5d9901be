import Foundation
import RapportCore
import Synchronization

/// The firm's outreach settings: the relevance gate, the reply SLA, who the mail is from and where its links point.
public struct OutreachSettings: Sendable {
    /// The fit every job in an opportunity must reach, 0–100.
    public var threshold: Int
    /// Business days, in the recruiter's region, to answer a reply.
    public var slaBusinessDays: Int
    public var firmName: String
    /// Printed in every e-mail's footer, as CAN-SPAM asks.
    public var postalAddress: String
    /// Where candidates' links (unsubscribe, feedback, preferences) point: `https://rapport.example.com`.
    public var publicURL: String
    /// The domain of Message-IDs and of the reply and unsubscribe addresses.
    public var mailDomain: String
    /// Sends escalations to staff.
    public var noticeSender: String
    /// The firm's address every e-mail to a candidate is sent from, under the name of the recruiter who writes; replies
    /// go to a threaded reply address, never to this one.
    public var sendingAddress: String
    /// How long a delivery worker holds an entry it is sending before another may take it over.
    public var sendingLease: TimeInterval
    /// Delivery attempts before a message is given up as failed.
    public var maximumAttempts: Int
    public var holidays: any HolidayCalendar
    /// Weeks before an assignment ends that its redeployment task opens.
    public var redeploymentWeeks: Int
    /// Days a candidate is left alone after a survey before Rapport asks them another.
    public var surveyRestDays: Int

    public init(
        threshold: Int = 60, slaBusinessDays: Int = 1, firmName: String = "Rapport Talent",
        postalAddress: String = "Rapport Talent Ltd, 1 Example Street, London EC1A 1AA, United Kingdom",
        publicURL: String = "http://127.0.0.1:8080", mailDomain: String = "rapport.example", noticeSender: String = "notices@rapport.example",
        sendingAddress: String? = nil, sendingLease: TimeInterval = 300, maximumAttempts: Int = 8, holidays: any HolidayCalendar = NoHolidays(),
        redeploymentWeeks: Int = 6, surveyRestDays: Int = 30
    ) {
        self.redeploymentWeeks = redeploymentWeeks
        self.surveyRestDays = surveyRestDays
        self.threshold = threshold
        self.slaBusinessDays = slaBusinessDays
        self.firmName = firmName
        self.postalAddress = postalAddress
        self.publicURL = publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL
        self.mailDomain = mailDomain
        self.noticeSender = noticeSender
        self.sendingAddress = sendingAddress ?? "talent@\(mailDomain)"
        self.sendingLease = sendingLease
        self.maximumAttempts = maximumAttempts
        self.holidays = holidays
    }

    public var policy: ContactPolicy { ContactPolicy(threshold: threshold) }
    public var sla: ResponseSLA { ResponseSLA(businessDays: slaBusinessDays) }
    public var placementSchedule: PlacementSchedule { PlacementSchedule(redeploymentWeeks: redeploymentWeeks) }

    /// The address replies go to: the token in the plus-address threads a reply whose client dropped the headers.
    public func replyAddress(token: String) -> String { "replies+\(token)@\(mailDomain)" }
    public func unsubscribeAddress(token: String) -> String { "unsubscribe+\(token)@\(mailDomain)" }
    public func unsubscribeURL(token: String) -> String { "\(publicURL)/unsubscribe/\(token)" }
    public func feedbackURL(token: String, relevant: Bool) -> String { "\(publicURL)/feedback/\(token)/\(relevant ? "relevant" : "not-relevant")" }
    public func preferencesURL(token: String) -> String { "\(publicURL)/preferences/\(token)" }
    public func surveyURL(token: String) -> String { "\(publicURL)/survey/\(token)" }
}

/// The settings an admin may change while the server runs.
public struct FirmSettings: Equatable, Sendable {
    public var threshold: Int
    public var slaBusinessDays: Int
    public var redeploymentWeeks: Int

    public init(threshold: Int, slaBusinessDays: Int, redeploymentWeeks: Int) {
        self.threshold = threshold
        self.slaBusinessDays = slaBusinessDays
        self.redeploymentWeeks = redeploymentWeeks
    }

    init(_ settings: OutreachSettings, saved: [String: Int] = [:]) {
        threshold = saved["fit_threshold"] ?? settings.threshold
        slaBusinessDays = saved["sla_business_days"] ?? settings.slaBusinessDays
        redeploymentWeeks = saved["redeployment_weeks"] ?? settings.redeploymentWeeks
    }

    var values: [String: Int] {
        ["fit_threshold": threshold, "sla_business_days": slaBusinessDays, "redeployment_weeks": redeploymentWeeks]
    }

    func apply(to settings: inout OutreachSettings) {
        settings.threshold = threshold
        settings.slaBusinessDays = slaBusinessDays
        settings.redeploymentWeeks = redeploymentWeeks
    }

    /// Every problem at once, by field.
    public func validate() throws(RapportError) {
        var validator = Validator()
        validator.range("threshold", threshold, 0...100, "must be from 0 to 100")
        validator.range("slaBusinessDays", slaBusinessDays, 0...20, "must be from 0 to 20 business days")
        validator.range("redeploymentWeeks", redeploymentWeeks, 0...26, "must be from 0 to 26 weeks")
        try validator.check()
    }
}

/// A shared, thread-safe holder of the firm's adjustable settings.
final class AdjustableSettings: Sendable {
    private let value: Mutex<FirmSettings>

    init(_ settings: FirmSettings) {
        value = Mutex(settings)
    }

    var current: FirmSettings { value.withLock { $0 } }

    func set(_ settings: FirmSettings) {
        value.withLock { $0 = settings }
    }
}
