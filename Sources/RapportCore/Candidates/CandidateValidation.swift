import Foundation
import RapportText

extension CandidateProfile {
    public static let maxSkills = 100

    /// Checks every field against the firm's rules; `today` bounds the dates a person could mean.
    public func validate(today: LocalDate) throws(RapportError) {
        var validator = Validator()
        validator.text("name", name, maxLength: 200)
        validator.email("email", email)
        if let phone {
            // ASCII digits only: a phone number is dialled, and "١٢٣" or "½" are not.
            let digits = phone.filter { $0.isASCII && $0.isNumber }
            if !phone.allSatisfy({ ($0.isASCII && $0.isNumber) || " +-().".contains($0) }) || !(6...15).contains(digits.count) {
                validator.fail("phone", "must be a phone number of 6 to 15 digits, such as +44 20 7946 0958")
            }
        }
        validator.list("links", links, maxCount: 10, maxLength: 500)
        for (index, link) in links.enumerated() where !(link.hasPrefix("https://") || link.hasPrefix("http://")) {
            validator.fail("links[\(index)]", "must be an http or https URL")
        }
        validator.nested("location") { location.validate(&$0) }
        validator.timeZone("timeZone", timeZone)
        if workAuthorisations.count > 10 { validator.fail("workAuthorisations", "must have at most 10 entries") }
        validator.text("headline", headline, required: false, maxLength: 200)
        validator.text("summary", summary, required: false, maxLength: 10_000)
        validateSkills(&validator, today: today)
        validateBackground(&validator, today: today)
        validator.nested("goals") { goals.validate(&$0, today: today) }
        validator.nested("interests") { interests.validate(&$0) }
        validator.nested("availability") { availability.validate(&$0, today: today) }
        validator.nested("contactPreferences") { contactPreferences.validate(&$0) }
        if consents.count > 50 { validator.fail("consents", "must have at most 50 entries") }
        for (index, consent) in consents.enumerated() {
            validator.nested("consents[\(index)]") { consent.validate(&$0, today: today) }
        }
        if source.kind == .referral && source.referrerID == nil {
            validator.fail("source.referrerID", "is required when source.kind is referral")
        }
        if source.kind != .referral && source.referrerID != nil {
            validator.fail("source.referrerID", "is only allowed when source.kind is referral")
        }
        try validator.check()
    }

    private func validateSkills(_ validator: inout Validator, today: LocalDate) {
        if skills.count > Self.maxSkills {
            validator.fail("skills", "must have at most \(Self.maxSkills) entries (got \(skills.count))")
            return
        }
        var seen: Set<SkillID> = []
        for (index, skill) in skills.enumerated() {
            if !seen.insert(skill.skillID).inserted {
                validator.fail("skills[\(index)].skillID", "repeats skill \(skill.skillID); list each skill once")
            }
            validator.nested("skills[\(index)]") { skill.validate(&$0, today: today) }
        }
    }
}

extension Location {
    func validate(_ validator: inout Validator) {
        validator.optionalText("city", city, maxLength: 100)
        if let city, city.trimmed.isEmpty { validator.fail("city", "must not be blank; leave it out when not known") }
        validator.country("country", country)
    }
}

extension CandidateSkill {
    func validate(_ validator: inout Validator, today: LocalDate) {
        validator.range("level", level, 1...5, "must be a level from 1 (aware) to 5 (expert)")
        if !years.isFinite || years < 0 || years > 60 {
            validator.fail("years", "must be a number of years from 0 to 60")
        }
        if let lastUsed {
            validator.range("lastUsed", lastUsed, 1960...today.year, "must be a year from 1960 to \(today.year)")
        }
    }
}

extension CareerGoals {
    func validate(_ validator: inout Validator, today: LocalDate) {
        validator.list("targetRoles", targetRoles, maxCount: 20, maxLength: 100)
        if Set(employmentTypes).count != employmentTypes.count {
            validator.fail("employmentTypes", "must not repeat an employment type")
        }
        if let minimumPay { validator.nested("minimumPay") { minimumPay.validate(&$0) } }
        validator.list("industriesWanted", industriesWanted, maxCount: 30, maxLength: 100)
        validator.list("industriesAvoided", industriesAvoided, maxCount: 30, maxLength: 100)
        let overlap = Set(industriesWanted.map { $0.lowercased() }).intersection(industriesAvoided.map { $0.lowercased() })
        if let industry = overlap.sorted().first {
            validator.fail("industriesAvoided", "names \"\(industry)\", which is also in industriesWanted")
        }
        if clientsAvoided.count > 200 { validator.fail("clientsAvoided", "must have at most 200 entries") }
        if let earliestStart, earliestStart > today.adding(days: 3 * 366) {
            validator.fail("earliestStart", "must be within three years of today (\(today))")
        }
    }
}

extension Interests {
    func validate(_ validator: inout Validator) {
        if skillsToLearn.count > 50 { validator.fail("skillsToLearn", "must have at most 50 entries") }
        validator.list("domains", domains, maxCount: 30, maxLength: 100)
    }
}

extension Availability {
    func validate(_ validator: inout Validator, today: LocalDate) {
        switch status {
        case .notLooking, .onAssignment:
            guard let until else {
                validator.fail("until", "is required when status is \(status.rawValue)")
                return
            }
            if until > today.adding(days: 5 * 366) {
                validator.fail("until", "must be within five years of today (\(today))")
            }
        case .active, .passive:
            if until != nil { validator.fail("until", "is only allowed when status is not_looking or on_assignment") }
        }
    }
}

extension ContactPreferences {
    func validate(_ validator: inout Validator) {
        if Set(channels).count != channels.count { validator.fail("channels", "must not repeat a channel") }
        validator.range("maxJobPitchesPer30Days", maxJobPitchesPer30Days, 0...30, "must be a number of job pitches from 0 to 30")
        validator.nested("quietHours") { hours in
            if QuietHours.minutes(quietHours.start) == nil { hours.fail("start", "must be a time written HH:MM, such as 20:00") }
            if QuietHours.minutes(quietHours.end) == nil { hours.fail("end", "must be a time written HH:MM, such as 08:00") }
        }
    }
}

extension ConsentRecord {
    func validate(_ validator: inout Validator, today: LocalDate) {
        validator.text("method", method, maxLength: 100)
        let latest = today.adding(days: 2)
        if LocalDate(recordedAt, in: TimeZone(identifier: "UTC")!) > latest {
            validator.fail("recordedAt", "must not be in the future")
        }
        if let withdrawnAt, withdrawnAt < recordedAt {
            validator.fail("withdrawnAt", "must not be before recordedAt")
        }
    }
}
