// Partial nested objects are normal input ("goals": {"targetRoles": ["SRE"]}), so fields with a sensible default
// may be left out; these decoders fill the same defaults as the memberwise initialisers.

extension CandidateSkill {
    enum CodingKeys: String, CodingKey { case skillID, level, years, lastUsed, wantsToGrow }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            skillID: try container.decode(SkillID.self, forKey: .skillID),
            level: try container.decode(Int.self, forKey: .level),
            years: try container.decodeIfPresent(Double.self, forKey: .years) ?? 0,
            lastUsed: try container.decodeIfPresent(Int.self, forKey: .lastUsed),
            wantsToGrow: try container.decodeIfPresent(Bool.self, forKey: .wantsToGrow) ?? false)
    }
}

extension CareerGoals {
    enum CodingKeys: String, CodingKey {
        case targetRoles, seniority, employmentTypes, minimumPay, industriesWanted, industriesAvoided, clientsAvoided, earliestStart
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            targetRoles: try container.decodeIfPresent([String].self, forKey: .targetRoles) ?? [],
            seniority: try container.decodeIfPresent(Seniority.self, forKey: .seniority),
            employmentTypes: try container.decodeIfPresent([EmploymentType].self, forKey: .employmentTypes) ?? [],
            minimumPay: try container.decodeIfPresent(Money.self, forKey: .minimumPay),
            industriesWanted: try container.decodeIfPresent([String].self, forKey: .industriesWanted) ?? [],
            industriesAvoided: try container.decodeIfPresent([String].self, forKey: .industriesAvoided) ?? [],
            clientsAvoided: try container.decodeIfPresent([ClientID].self, forKey: .clientsAvoided) ?? [],
            earliestStart: try container.decodeIfPresent(LocalDate.self, forKey: .earliestStart))
    }
}

extension Interests {
    enum CodingKeys: String, CodingKey { case skillsToLearn, domains }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            skillsToLearn: try container.decodeIfPresent([SkillID].self, forKey: .skillsToLearn) ?? [],
            domains: try container.decodeIfPresent([String].self, forKey: .domains) ?? [])
    }
}

extension QuietHours {
    enum CodingKeys: String, CodingKey { case start, end }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = QuietHours()
        self.init(
            start: try container.decodeIfPresent(String.self, forKey: .start) ?? defaults.start,
            end: try container.decodeIfPresent(String.self, forKey: .end) ?? defaults.end)
    }
}

extension ContactPreferences {
    enum CodingKeys: String, CodingKey { case channels, maxJobPitchesPer30Days, quietHours, doNotContact }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = ContactPreferences()
        self.init(
            channels: try container.decodeIfPresent([ContactChannel].self, forKey: .channels) ?? defaults.channels,
            maxJobPitchesPer30Days: try container.decodeIfPresent(Int.self, forKey: .maxJobPitchesPer30Days) ?? defaults.maxJobPitchesPer30Days,
            quietHours: try container.decodeIfPresent(QuietHours.self, forKey: .quietHours) ?? defaults.quietHours,
            doNotContact: try container.decodeIfPresent(Bool.self, forKey: .doNotContact) ?? defaults.doNotContact)
    }
}

extension JobSkill {
    enum CodingKeys: String, CodingKey { case skillID, minimumLevel, minimumYears, importance, weight }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = JobSkill(skillID: SkillID(0))
        self.init(
            skillID: try container.decode(SkillID.self, forKey: .skillID),
            minimumLevel: try container.decodeIfPresent(Int.self, forKey: .minimumLevel) ?? defaults.minimumLevel,
            minimumYears: try container.decodeIfPresent(Double.self, forKey: .minimumYears) ?? defaults.minimumYears,
            importance: try container.decodeIfPresent(Importance.self, forKey: .importance) ?? defaults.importance,
            weight: try container.decodeIfPresent(Int.self, forKey: .weight) ?? defaults.weight)
    }
}
