import RapportCore

extension Taxonomy {
    /// The job's profession, from its title and the categories of the skills it asks for.
    public func profession(of job: JobDetails) -> RoleFamily? {
        RoleFamilies.job(title: job.title, skillCategories: categories(job.requiredSkills.map(\.skillID)))
    }

    /// The person's professions, from their target roles, headline, latest titles and the categories of their skills.
    public func professions(of profile: CandidateProfile) -> RoleFamilySet {
        RoleFamilies.person(titles: RoleFamilies.titles(of: profile), skillCategories: categories(profile.skills.map(\.skillID)))
    }

    /// Generic skills (Git, JSON, Jira) say nothing of a profession.
    private func categories(_ ids: [SkillID]) -> [String] {
        ids.compactMap { genericSkills.contains($0) ? nil : skill($0)?.category }
    }

    /// What the posting is besides a job (part-time, piecework, unpaid, incomplete), from its words, pay and skills.
    public func postingFlags(of job: JobDetails) -> PostingFlags {
        PostingFlag.detect(job, onlyGenericSkills: job.requiredSkills.allSatisfy { genericSkills.contains($0.skillID) })
    }

    /// Both, as the eligibility rules take them.
    public func professions(_ profile: CandidateProfile, _ job: JobDetails) -> Professions {
        Professions(job: profession(of: job), candidate: professions(of: profile))
    }
}
