import Foundation
import RapportCore
import RapportFormats
import RapportText

/// A candidate as the API reads and writes it: flat top-level fields, nested preference objects. Fields with a
/// default may be left out when creating; PUT replaces the whole document, so left-out fields return to defaults.
public struct CandidateDocument: VersionedDocument {
    public var id: CandidateID?
    public var version: Int?
    public var createdAt: Date?
    public var updatedAt: Date?
    public var name: String
    public var email: String
    public var phone: String?
    public var links: [String]?
    public var location: LocationDocument
    public var timeZone: String?
    public var region: Region
    public var remotePreference: RemotePreference?
    public var openToRelocation: Bool?
    public var workAuthorisations: [WorkAuthorisationDocument]?
    public var headline: String?
    public var summary: String?
    public var skills: [CandidateSkillDocument]?
    public var unresolvedSkills: [String]?
    public var work: [WorkDocument]?
    public var education: [EducationDocument]?
    public var certifications: [CertificationDocument]?
    public var languages: [LanguageDocument]?
    public var goals: CareerGoalsDocument?
    public var interests: InterestsDocument?
    public var availability: AvailabilityDocument?
    public var contactPreferences: ContactPreferencesDocument?
    public var consents: [ConsentDocument]?
    /// Read-only: recorded by the pipeline when the person declines with a reason.
    public var feedback: [FeedbackSignalDocument]?
    public var ownerID: UserID?
    public var homePracticeID: PracticeID?
    public var source: CandidateSourceDocument?

    public init(_ candidate: Candidate) {
        let profile = candidate.profile
        id = candidate.id
        version = candidate.version
        createdAt = candidate.createdAt
        updatedAt = candidate.updatedAt
        name = profile.name
        email = profile.email
        phone = profile.phone
        links = profile.links
        location = LocationDocument(profile.location)
        timeZone = profile.timeZone
        region = profile.region
        remotePreference = profile.remotePreference
        openToRelocation = profile.openToRelocation
        workAuthorisations = profile.workAuthorisations.map(WorkAuthorisationDocument.init)
        headline = profile.headline
        summary = profile.summary
        skills = profile.skills.map(CandidateSkillDocument.init)
        unresolvedSkills = profile.unresolvedSkills
        work = profile.work.map(WorkDocument.init)
        education = profile.education.map(EducationDocument.init)
        certifications = profile.certifications.map(CertificationDocument.init)
        languages = profile.languages.map(LanguageDocument.init)
        goals = CareerGoalsDocument(profile.goals)
        interests = InterestsDocument(profile.interests)
        availability = AvailabilityDocument(profile.availability)
        contactPreferences = ContactPreferencesDocument(profile.contactPreferences)
        consents = profile.consents.map(ConsentDocument.init)
        feedback = profile.feedback.map(FeedbackSignalDocument.init)
        ownerID = profile.ownerID
        homePracticeID = profile.homePracticeID
        source = CandidateSourceDocument(profile.source)
    }

    /// The domain profile, with each left-out field at its default; the time zone defaults to the region's.
    public var profile: CandidateProfile {
        var profile = CandidateProfile(
            name: name, email: email.trimmingCharacters(in: .whitespaces), location: location.location,
            timeZone: timeZone ?? region.defaultTimeZoneIdentifier, region: region)
        profile.phone = phone
        profile.links = links ?? []
        profile.remotePreference = remotePreference ?? profile.remotePreference
        profile.openToRelocation = openToRelocation ?? false
        profile.workAuthorisations = workAuthorisations?.map(\.authorisation) ?? []
        profile.headline = headline ?? ""
        profile.summary = summary ?? ""
        profile.skills = skills?.map(\.skill) ?? []
        profile.unresolvedSkills = unresolvedSkills ?? []
        profile.work = work?.map(\.work) ?? []
        profile.education = education?.map(\.education) ?? []
        profile.certifications = certifications?.map(\.certification) ?? []
        profile.languages = languages?.map(\.spoken) ?? []
        profile.goals = goals?.goals ?? CareerGoals()
        profile.interests = interests?.interests ?? Interests()
        profile.availability = availability?.availability ?? profile.availability
        profile.contactPreferences = contactPreferences?.preferences ?? ContactPreferences()
        profile.consents = consents?.map(\.consent) ?? []
        profile.ownerID = ownerID
        profile.homePracticeID = homePracticeID
        profile.source = source?.source ?? profile.source
        return profile
    }
}

extension CandidateDocument {
    public static let schema = Schema.object("A person the firm has a relationship with.", [
        readOnly("id", .id),
        optional("version", .integer("The version you last read; required for PUT and PATCH.", minimum: 1)),
        readOnly("createdAt", .dateTime),
        readOnly("updatedAt", .dateTime),
        required("name", .string("Full name.", maxLength: 200).nonBlank),
        required("email", .string("Primary e-mail address; unique among candidates.", format: "email", maxLength: 254)),
        optional("phone", .phone),
        optional("links", .array(.string(format: "uri", maxLength: 500), "Profile links (LinkedIn, GitHub, site).", maxItems: 10)),
        required("location", .ref("Location")),
        optional("timeZone", .timeZone),
        required("region", .enumeration(Region.self, "The firm's region this person belongs to.")),
        optional("remotePreference", .enumeration(RemotePreference.self)),
        optional("openToRelocation", .boolean()),
        optional("workAuthorisations", .array(.ref("WorkAuthorisation"), maxItems: 10)),
        optional("headline", .string(maxLength: 200)),
        optional("summary", .string(maxLength: 10_000)),
        optional("skills", .array(.ref("CandidateSkill"), maxItems: CandidateProfile.maxSkills)),
        optional("unresolvedSkills", .array(.string(maxLength: 100).nonBlank, "Skill names the taxonomy does not know yet, as written.", maxItems: 200)),
        optional("work", .array(.ref("WorkExperience"), "Jobs held, most recent first.", maxItems: 50)),
        optional("education", .array(.ref("Education"), maxItems: 20)),
        optional("certifications", .array(.ref("Certification"), maxItems: 50)),
        optional("languages", .array(.ref("SpokenLanguage"), maxItems: 20)),
        optional("goals", .ref("CareerGoals")),
        optional("interests", .ref("Interests")),
        optional("availability", .ref("Availability")),
        optional("contactPreferences", .ref("ContactPreferences")),
        optional("consents", .array(.ref("ConsentRecord"), maxItems: 50)),
        readOnly("feedback", .array(.ref("FeedbackSignal"), "What the person said about roles they turned down, oldest first: soft signals that lower roles alike in their ranking.")),
        optional("ownerID", .integer("The recruiter who owns the relationship.", minimum: 1)),
        optional("homePracticeID", .integer("The practice that fits the person's skills.", minimum: 1)),
        optional("source", .ref("CandidateSource")),
    ])

    public static let components: [String: Schema] = backgroundComponents.merging([
        "Location": .object("Where someone lives or a job is; leave the city out when it is not known.", [
            optional("city", .string(maxLength: 100).nonBlank),
            required("country", .country),
        ]),
        "WorkAuthorisation": .object(nil, [
            required("region", .enumeration(Region.self)),
            required("status", .enumeration(WorkAuthorisation.Status.self)),
            optional("expires", .date),
        ]),
        "CandidateSkill": .object("A skill as this person has it.", [
            required("skillID", .integer(minimum: 1)),
            required("level", .integer("1 (aware) to 5 (expert).", minimum: 1, maximum: 5)),
            optional("years", .number("Years of use.", minimum: 0, maximum: 60)),
            optional("lastUsed", .integer("Year last used.", minimum: 1960)),
            optional("wantsToGrow", .boolean("Wants more work with this skill.")),
        ]),
        "Money": .object("An amount in minor units (cents, pence) with currency and unit.", [
            required("minorUnits", .integer(minimum: 0)),
            required("currency", .enumeration(Currency.self)),
            required("unit", .enumeration(PayUnit.self)),
        ]),
        "FeedbackSignal": .object("A role the person turned down and what they said was wrong with it.", [
            required("reason", .enumeration(FeedbackSignal.Reason.self)),
            required("jobID", .integer(minimum: 1)),
            required("title", .string()),
            required("clientID", .integer(minimum: 1)),
            required("skills", .array(.integer(minimum: 1))),
            required("seniority", .enumeration(Seniority.self)),
            optional("city", .string()),
            optional("payMaximum", .ref("Money")),
            required("on", .date),
        ]),
        "CareerGoals": .object("What the person wants next; these become deal-breakers in matching.", [
            optional("targetRoles", .array(.string(maxLength: 100).nonBlank, maxItems: 20)),
            optional("seniority", .enumeration(Seniority.self)),
            optional("employmentTypes", .array(.enumeration(EmploymentType.self), maxItems: 3)),
            optional("minimumPay", .ref("Money")),
            optional("industriesWanted", .array(.string(maxLength: 100).nonBlank, maxItems: 30)),
            optional("industriesAvoided", .array(.string(maxLength: 100).nonBlank, maxItems: 30)),
            optional("clientsAvoided", .array(.integer(minimum: 1), maxItems: 200)),
            optional("earliestStart", .date),
            optional("requiresDisclosedPay", .boolean("Only roles that state their pay; a job with undisclosed pay is not pitched.")),
            optional("workingHours", .enumeration(WorkingHours.self)),
        ]),
        "Interests": .object(nil, [
            optional("skillsToLearn", .array(.integer(minimum: 1), maxItems: 50)),
            optional("domains", .array(.string(maxLength: 100).nonBlank, maxItems: 30)),
        ]),
        "Availability": .object("Whether the person is open to hearing about work.", [
            required("status", .enumeration(Availability.Status.self)),
            optional("until", .date),
        ]),
        "QuietHours": .object("Local-time window with no contact, HH:MM to HH:MM.", [
            optional("start", .string(maxLength: 5)),
            optional("end", .string(maxLength: 5)),
        ]),
        "ContactPreferences": .object(nil, [
            optional("channels", .array(.enumeration(ContactChannel.self), maxItems: 4)),
            optional("maxJobPitchesPer30Days", .integer("Firm-wide job pitches allowed per rolling 30 days.", minimum: 0, maximum: 30)),
            optional("quietHours", .ref("QuietHours")),
            optional("doNotContact", .boolean()),
        ]),
        "ConsentRecord": .object("A recorded permission and its legal basis.", [
            required("purpose", .enumeration(ConsentRecord.Purpose.self)),
            required("recordedAt", .dateTime),
            required("method", .string(maxLength: 100).nonBlank),
            required("legalBasis", .enumeration(LegalBasis.self)),
            optional("withdrawnAt", .dateTime),
        ]),
        "CandidateSource": .object(nil, [
            required("kind", .enumeration(CandidateSource.Kind.self)),
            optional("referrerID", .integer("The referring candidate; required for a referral.", minimum: 1)),
        ]),
    ]) { first, _ in first }
}
