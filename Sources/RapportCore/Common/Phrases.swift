/// Closed sets in words, as pages and messages say them ("contract to hire", "an hour"), never as their stored codes.

extension RemotePreference {
    public var phrase: String {
        switch self {
        case .remoteOnly: "remote only"
        case .hybrid: "hybrid"
        case .onsite: "on site"
        case .flexible: "flexible"
        }
    }
}

extension WorkAuthorisation {
    /// "UK: citizen", "US: visa until 2027-03-31".
    public var phrase: String {
        let status = switch status {
        case .citizen: "citizen"
        case .permanentResident: "permanent resident"
        case .visa: "visa"
        case .requiresSponsorship: "needs sponsorship"
        }
        return "\(region.rawValue): \(status)" + (expires.map { " until \($0)" } ?? "")
    }
}

extension Seniority {
    public var phrase: String { rawValue }
}

extension ContactChannel {
    public var phrase: String {
        switch self {
        case .email: "e-mail"
        case .phone: "phone"
        case .sms: "text message"
        case .linkedin: "LinkedIn"
        }
    }
}

extension JobStatus {
    public var phrase: String {
        switch self {
        case .open: "open"
        case .onHold: "on hold"
        case .filled: "filled"
        case .closed: "closed"
        }
    }
}

extension RemotePolicy {
    public var phrase: String {
        switch self {
        case .onsite: "on site"
        case .hybrid: "hybrid"
        case .remote: "remote"
        }
    }
}

extension Role {
    public var phrase: String {
        switch self {
        case .recruiter: "recruiter"
        case .practiceLead: "practice lead"
        case .admin: "admin"
        }
    }
}

extension PayUnit {
    /// "an hour", "a day", "a month": how a rate is said after its amount.
    public var perPhrase: String {
        switch self {
        case .hour: "an hour"
        case .day: "a day"
        case .week: "a week"
        case .month: "a month"
        case .year: "a year"
        }
    }
}
