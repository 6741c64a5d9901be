import Foundation
import RapportCore

/// Writes a candidate's details document as JSON by hand. Foundation's `JSONEncoder` costs tens of microseconds per
/// candidate, which dominated bulk loads of a million; this writer produces what `JSONDecoder` reads back into
/// `CandidateDetailsDocument` (dates as seconds since 2001, the encoder's default), and the store contract tests
/// check the round trip.
struct DetailsJSON {
    private var output = ""

    static func encode(_ profile: CandidateProfile) -> String {
        var writer = DetailsJSON()
        writer.output.reserveCapacity(768)
        writer.write(profile)
        return writer.output
    }

    private mutating func write(_ profile: CandidateProfile) {
        output += "{\"links\":"
        strings(profile.links)
        output += ",\"workAuthorisations\":["
        for (index, authorisation) in profile.workAuthorisations.enumerated() {
            if index > 0 { output += "," }
            output += "{\"region\":\"\(authorisation.region.rawValue)\",\"status\":\"\(authorisation.status.rawValue)\""
            if let expires = authorisation.expires { output += ",\"expires\":\"\(expires)\"" }
            output += "}"
        }
        output += "],\"goals\":"
        goals(profile.goals)
        output += ",\"interests\":{\"skillsToLearn\":"
        ids(profile.interests.skillsToLearn.map(\.rawValue))
        output += ",\"domains\":"
        strings(profile.interests.domains)
        let contact = profile.contactPreferences
        output += "},\"contactPreferences\":{\"channels\":["
        output += contact.channels.map { "\"\($0.rawValue)\"" }.joined(separator: ",")
        output += "],\"maxJobPitchesPer30Days\":\(contact.maxJobPitchesPer30Days),\"quietHours\":{\"start\":"
        string(contact.quietHours.start)
        output += ",\"end\":"
        string(contact.quietHours.end)
        output += "},\"doNotContact\":\(contact.doNotContact)},\"consents\":["
        for (index, consent) in profile.consents.enumerated() {
            if index > 0 { output += "," }
            output += "{\"purpose\":\"\(consent.purpose.rawValue)\",\"recordedAt\":"
            date(consent.recordedAt)
            output += ",\"method\":"
            string(consent.method)
            output += ",\"legalBasis\":\"\(consent.legalBasis.rawValue)\""
            if let withdrawn = consent.withdrawnAt {
                output += ",\"withdrawnAt\":"
                date(withdrawn)
            }
            output += "}"
        }
        output += "]"
        background(profile)
        if !profile.feedback.isEmpty {
            output += ",\"feedback\":["
            for (index, signal) in profile.feedback.enumerated() {
                if index > 0 { output += "," }
                feedback(signal)
            }
            output += "]"
        }
        output += "}"
    }

    /// One feedback signal as the details column holds it, also appended on its own by the pipeline's move.
    static func encode(_ signal: FeedbackSignal) -> String {
        var writer = DetailsJSON()
        writer.feedback(signal)
        return writer.output
    }

    private mutating func feedback(_ signal: FeedbackSignal) {
        output += "{\"reason\":\"\(signal.reason.rawValue)\",\"jobID\":\(signal.jobID.rawValue),\"title\":"
        string(signal.title)
        output += ",\"clientID\":\(signal.clientID.rawValue),\"skills\":"
        ids(signal.skills.map(\.rawValue))
        output += ",\"seniority\":\"\(signal.seniority.rawValue)\""
        if let city = signal.city {
            output += ",\"city\":"
            string(city)
        }
        if let pay = signal.payMaximum {
            output += ",\"payMaximum\":{\"minorUnits\":\(pay.minorUnits),\"currency\":\"\(pay.currency.rawValue)\",\"unit\":\"\(pay.unit.rawValue)\"}"
        }
        output += ",\"on\":\"\(signal.on)\"}"
    }

    /// The shape of `BackgroundRow` (keys sorted, absent values left out), written by hand too: through
    /// `JSONEncoder` it was most of the cost of preparing an imported person's row.
    private mutating func background(_ profile: CandidateProfile) {
        guard !(profile.work.isEmpty && profile.education.isEmpty && profile.certifications.isEmpty && profile.languages.isEmpty
                && profile.unresolvedSkills.isEmpty) else { return }
        output += ",\"background\":{\"certifications\":["
        for (index, certification) in profile.certifications.enumerated() {
            output += index > 0 ? ",{" : "{"
            if let date = certification.date { field("date", date.description, first: true) }
            field("issuer", certification.issuer, first: certification.date == nil)
            field("name", certification.name)
            if let url = certification.url { field("url", url) }
            output += "}"
        }
        output += "],\"education\":["
        for (index, course) in profile.education.enumerated() {
            output += index > 0 ? ",{" : "{"
            field("area", course.area, first: true)
            if let end = course.end { field("end", end.description) }
            field("institution", course.institution)
            if let start = course.start { field("start", start.description) }
            field("studyType", course.studyType)
            output += "}"
        }
        output += "],\"languages\":["
        for (index, language) in profile.languages.enumerated() {
            output += index > 0 ? ",{" : "{"
            if let fluency = language.fluency { field("fluency", fluency.rawValue, first: true) }
            field("language", language.language, first: language.fluency == nil)
            output += "}"
        }
        output += "]"
        if !profile.unresolvedSkills.isEmpty {
            output += ",\"unresolvedSkills\":"
            strings(profile.unresolvedSkills)
        }
        output += ",\"work\":["
        for (index, job) in profile.work.enumerated() {
            output += index > 0 ? ",{" : "{"
            field("employer", job.employer, first: true)
            if let end = job.end { field("end", end.description) }
            output += ",\"highlights\":"
            strings(job.highlights)
            if let location = job.location { field("location", location) }
            if let start = job.start { field("start", start.description) }
            field("summary", job.summary)
            field("title", job.title)
            output += "}"
        }
        output += "]}"
    }

    private mutating func field(_ name: String, _ value: String, first: Bool = false) {
        output += (first ? "\"" : ",\"") + name + "\":"
        string(value)
    }

    private mutating func goals(_ goals: CareerGoals) {
        output += "{\"targetRoles\":"
        strings(goals.targetRoles)
        if let seniority = goals.seniority { output += ",\"seniority\":\"\(seniority.rawValue)\"" }
        output += ",\"employmentTypes\":["
        output += goals.employmentTypes.map { "\"\($0.rawValue)\"" }.joined(separator: ",")
        output += "]"
        if let pay = goals.minimumPay {
            output += ",\"minimumPay\":{\"minorUnits\":\(pay.minorUnits),\"currency\":\"\(pay.currency.rawValue)\",\"unit\":\"\(pay.unit.rawValue)\"}"
        }
        output += ",\"industriesWanted\":"
        strings(goals.industriesWanted)
        output += ",\"industriesAvoided\":"
        strings(goals.industriesAvoided)
        output += ",\"clientsAvoided\":"
        ids(goals.clientsAvoided.map(\.rawValue))
        if let start = goals.earliestStart { output += ",\"earliestStart\":\"\(start)\"" }
        if goals.requiresDisclosedPay { output += ",\"requiresDisclosedPay\":true" }
        if let hours = goals.workingHours { output += ",\"workingHours\":\"\(hours.rawValue)\"" }
        output += "}"
    }

    private mutating func ids(_ values: [Int64]) {
        output += "[" + values.map(String.init).joined(separator: ",") + "]"
    }

    private mutating func strings(_ values: [String]) {
        output += "["
        for (index, value) in values.enumerated() {
            if index > 0 { output += "," }
            string(value)
        }
        output += "]"
    }

    private mutating func date(_ value: Date) {
        // Swift's shortest round-trip rendering of a Double, which JSONDecoder reads back to the same bits.
        output += "\(value.timeIntervalSinceReferenceDate)"
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped, everything else as UTF-8.
    private mutating func string(_ value: String) {
        output += "\""
        var plain = true
        for scalar in value.unicodeScalars where scalar == "\"" || scalar == "\\" || scalar.value < 0x20 {
            plain = false
            break
        }
        if plain {
            output += value
        } else {
            for scalar in value.unicodeScalars {
                switch scalar {
                case "\"": output += "\\\""
                case "\\": output += "\\\\"
                case "\n": output += "\\n"
                case "\r": output += "\\r"
                case "\t": output += "\\t"
                case _ where scalar.value < 0x20:
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default: output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
    }
}
