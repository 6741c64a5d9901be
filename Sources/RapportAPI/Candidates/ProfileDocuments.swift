import Foundation
import RapportCore

// The nested parts of a candidate as the API reads and writes them, converted to and from Core at the edge, so Core can
// rename a field without changing the API. Partial objects are normal input ("goals": {"targetRoles": ["SRE"]}): a
// field with a sensible default may be left out and takes the same default as Core's initialiser; a document made from
// Core states every field.

/// Where someone lives or a job is; the city is absent when nobody said.
public struct LocationDocument: Codable, Sendable {
    public var city: String?
    public var country: String

    public init(_ location: Location) {
        city = location.city
        country = location.country
    }

    public var location: Location { Location(city: city, country: country) }
}

/// The right to work in a region.
public struct WorkAuthorisationDocument: Codable, Sendable {
    public var region: Region
    public var status: WorkAuthorisation.Status
    public var expires: LocalDate?

    public init(_ authorisation: WorkAuthorisation) {
        region = authorisation.region
        status = authorisation.status
        expires = authorisation.expires
    }

    public var authorisation: WorkAuthorisation { WorkAuthorisation(region: region, status: status, expires: expires) }
}

/// A skill as the person has it.
public struct CandidateSkillDocument: Codable, Sendable {
    public var skillID: SkillID
    public var level: Int
    public var years: Double?
    public var lastUsed: Int?
    public var wantsToGrow: Bool?

    public init(_ skill: CandidateSkill) {
        skillID = skill.skillID
        level = skill.level
        years = skill.years
        lastUsed = skill.lastUsed
        wantsToGrow = skill.wantsToGrow
    }

    public var skill: CandidateSkill {
        CandidateSkill(skillID: skillID, level: level, years: years ?? 0, lastUsed: lastUsed, wantsToGrow: wantsToGrow ?? false)
    }
}

/// What the person wants next.
public struct CareerGoalsDocument: Codable, Sendable {
    public var targetRoles: [String]?
    public var seniority: Seniority?
    public var employmentTypes: [EmploymentType]?
    public var minimumPay: MoneyDocument?
    public var industriesWanted: [String]?
    public var industriesAvoided: [String]?
    public var clientsAvoided: [ClientID]?
    public var earliestStart: LocalDate?
    public var requiresDisclosedPay: Bool?
    public var workingHours: WorkingHours?

    public init(_ goals: CareerGoals) {
        targetRoles = goals.targetRoles
        seniority = goals.seniority
        employmentTypes = goals.employmentTypes
        minimumPay = goals.minimumPay.map(MoneyDocument.init)
        industriesWanted = goals.industriesWanted
        industriesAvoided = goals.industriesAvoided
        clientsAvoided = goals.clientsAvoided
        earliestStart = goals.earliestStart
        requiresDisclosedPay = goals.requiresDisclosedPay
        workingHours = goals.workingHours
    }

    public var goals: CareerGoals {
        CareerGoals(targetRoles: targetRoles ?? [], seniority: seniority, employmentTypes: employmentTypes ?? [], minimumPay: minimumPay?.money,
                    industriesWanted: industriesWanted ?? [], industriesAvoided: industriesAvoided ?? [], clientsAvoided: clientsAvoided ?? [],
                    earliestStart: earliestStart, requiresDisclosedPay: requiresDisclosedPay ?? false,
                    workingHours: workingHours)
    }
}

/// What the person is curious about.
public struct InterestsDocument: Codable, Sendable {
    public var skillsToLearn: [SkillID]?
    public var domains: [String]?

    public init(_ interests: Interests) {
        skillsToLearn = interests.skillsToLearn
        domains = interests.domains
    }

    public var interests: Interests { Interests(skillsToLearn: skillsToLearn ?? [], domains: domains ?? []) }
}

/// Whether the person is open to hearing about work.
public struct AvailabilityDocument: Codable, Sendable {
    public var status: Availability.Status
    public var until: LocalDate?

    public init(_ availability: Availability) {
        status = availability.status
        until = availability.until
    }

    public var availability: Availability { Availability(status: status, until: until) }
}

/// How, how often and when the person agrees to be contacted.
public struct ContactPreferencesDocument: Codable, Sendable {
    public struct Quiet: Codable, Sendable {
        public var start: String?
        public var end: String?
    }

    public var channels: [ContactChannel]?
    public var maxJobPitchesPer30Days: Int?
    public var quietHours: Quiet?
    public var doNotContact: Bool?

    public init(_ preferences: ContactPreferences) {
        channels = preferences.channels
        maxJobPitchesPer30Days = preferences.maxJobPitchesPer30Days
        quietHours = Quiet(start: preferences.quietHours.start, end: preferences.quietHours.end)
        doNotContact = preferences.doNotContact
    }

    public var preferences: ContactPreferences {
        let defaults = ContactPreferences()
        let quiet = QuietHours(start: quietHours?.start ?? defaults.quietHours.start, end: quietHours?.end ?? defaults.quietHours.end)
        return ContactPreferences(channels: channels ?? defaults.channels,
                                  maxJobPitchesPer30Days: maxJobPitchesPer30Days ?? defaults.maxJobPitchesPer30Days,
                                  quietHours: quiet, doNotContact: doNotContact ?? defaults.doNotContact)
    }
}

/// A recorded permission and its legal basis.
public struct ConsentDocument: Codable, Sendable {
    public var purpose: ConsentRecord.Purpose
    public var recordedAt: Date
    public var method: String
    public var legalBasis: LegalBasis
    public var withdrawnAt: Date?

    public init(_ consent: ConsentRecord) {
        purpose = consent.purpose
        recordedAt = consent.recordedAt
        method = consent.method
        legalBasis = consent.legalBasis
        withdrawnAt = consent.withdrawnAt
    }

    public var consent: ConsentRecord {
        ConsentRecord(purpose: purpose, recordedAt: recordedAt, method: method, legalBasis: legalBasis, withdrawnAt: withdrawnAt)
    }
}

/// How the person came to the firm.
public struct CandidateSourceDocument: Codable, Sendable {
    public var kind: CandidateSource.Kind
    public var referrerID: CandidateID?

    public init(_ source: CandidateSource) {
        kind = source.kind
        referrerID = source.referrerID
    }

    public var source: CandidateSource { CandidateSource(kind: kind, referrerID: referrerID) }
}

/// An amount in minor units with its currency and unit.
public struct MoneyDocument: Codable, Sendable {
    public var minorUnits: Int64
    public var currency: Currency
    public var unit: PayUnit

    public init(_ money: Money) {
        minorUnits = money.minorUnits
        currency = money.currency
        unit = money.unit
    }

    public var money: Money { Money(minorUnits: minorUnits, currency: currency, unit: unit) }
}

/// A role the person turned down, and why: read-only, recorded by the pipeline.
public struct FeedbackSignalDocument: Codable, Sendable {
    public var reason: FeedbackSignal.Reason
    public var jobID: JobID
    public var title: String
    public var clientID: ClientID
    public var skills: [SkillID]
    public var seniority: Seniority
    public var city: String?
    public var payMaximum: MoneyDocument?
    public var on: LocalDate

    public init(_ signal: FeedbackSignal) {
        reason = signal.reason
        jobID = signal.jobID
        title = signal.title
        clientID = signal.clientID
        skills = signal.skills
        seniority = signal.seniority
        city = signal.city
        payMaximum = signal.payMaximum.map(MoneyDocument.init)
        on = signal.on
    }
}
