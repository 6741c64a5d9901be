import GRDB

/// The schema, as numbered migrations written in SQL. A shipped migration is never edited: add the next one.
enum Migrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for (identifier, sql) in all {
            migrator.registerMigration(identifier) { db in
                try db.execute(sql: sql)
                // Keys computed by Core's rules cannot be written in SQL: the people already held get theirs here.
                if identifier == "0013-identity-keys" { try CandidateKeys.rebuild(db) }
            }
        }
        return migrator
    }

    static let all: [(String, String)] = [
        ("0001-firm-candidates-jobs", v0001),
        ("0002-taxonomy-relations", v0002),
        ("0003-outreach-replies-obligations", v0003),
        ("0004-surveys", v0004),
        ("0005-touch-schedule", v0005),
        ("0006-pipeline-placements", v0006),
        ("0007-web-sessions", v0007),
        ("0008-real-pay-remote-scope", v0008),
        ("0009-import-provenance", v0009),
        ("0010-job-import-provenance", v0010),
        ("0011-attachments", v0011),
        ("0012-pending-imports", v0012),
        ("0013-identity-keys", v0013),
        ("0014-candidate-aliases", v0014),
        ("0015-imported-notes", v0015),
        ("0016-external-ids", v0016),
    ]

    // Closed sets are checked as OR chains, not `IN (…)`: SQLite builds a temporary table for an IN list on every
    // row it checks, which made inserts ten times slower (measured on the one-million-candidate demo load).
    private static let v0001 = """
        CREATE TABLE practice (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (length(name) BETWEEN 1 AND 100),
            description TEXT NOT NULL DEFAULT '',
            lead_id INTEGER REFERENCES app_user(id) ON DELETE SET NULL,
            version INTEGER NOT NULL CHECK (version >= 1)
        );

        CREATE TABLE app_user (
            id INTEGER PRIMARY KEY,
            email TEXT NOT NULL COLLATE NOCASE UNIQUE,
            name TEXT NOT NULL,
            role TEXT NOT NULL CHECK (role = 'recruiter' OR role = 'practice_lead' OR role = 'admin'),
            region TEXT NOT NULL CHECK (region = 'US' OR region = 'UK' OR region = 'NZ' OR region = 'HK'),
            active INTEGER NOT NULL CHECK (active = 0 OR active = 1),
            version INTEGER NOT NULL CHECK (version >= 1)
        );

        CREATE TABLE user_practice (
            user_id INTEGER NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
            practice_id INTEGER NOT NULL REFERENCES practice(id),
            position INTEGER NOT NULL,
            PRIMARY KEY (user_id, practice_id)
        ) WITHOUT ROWID;
        CREATE INDEX user_practice_by_practice ON user_practice(practice_id);

        CREATE TABLE skill (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL COLLATE NOCASE UNIQUE,
            category TEXT NOT NULL,
            practice_id INTEGER REFERENCES practice(id) ON DELETE SET NULL
        );

        CREATE TABLE skill_alias (
            alias TEXT NOT NULL COLLATE NOCASE PRIMARY KEY,
            skill_id INTEGER NOT NULL REFERENCES skill(id) ON DELETE CASCADE,
            position INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX skill_alias_by_skill ON skill_alias(skill_id);

        CREATE TABLE client (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL COLLATE NOCASE UNIQUE,
            industry TEXT NOT NULL,
            region TEXT NOT NULL CHECK (region = 'US' OR region = 'UK' OR region = 'NZ' OR region = 'HK'),
            website TEXT,
            notes TEXT NOT NULL DEFAULT '',
            version INTEGER NOT NULL CHECK (version >= 1)
        );

        CREATE TABLE job (
            id INTEGER PRIMARY KEY,
            client_id INTEGER NOT NULL REFERENCES client(id),
            title TEXT NOT NULL,
            description TEXT NOT NULL,
            city TEXT NOT NULL,
            country TEXT NOT NULL,
            region TEXT NOT NULL CHECK (region = 'US' OR region = 'UK' OR region = 'NZ' OR region = 'HK'),
            remote_policy TEXT NOT NULL CHECK (remote_policy = 'onsite' OR remote_policy = 'hybrid' OR remote_policy = 'remote'),
            employment_type TEXT NOT NULL CHECK (employment_type = 'contract' OR employment_type = 'contract_to_hire' OR employment_type = 'permanent'),
            pay_currency TEXT NOT NULL CHECK (pay_currency = 'USD' OR pay_currency = 'GBP' OR pay_currency = 'NZD' OR pay_currency = 'HKD'),
            pay_unit TEXT NOT NULL CHECK (pay_unit = 'hour' OR pay_unit = 'day' OR pay_unit = 'year'),
            pay_minimum INTEGER NOT NULL CHECK (pay_minimum >= 0),
            pay_maximum INTEGER NOT NULL CHECK (pay_maximum >= pay_minimum),
            seniority TEXT NOT NULL CHECK (seniority = 'junior' OR seniority = 'mid' OR seniority = 'senior' OR seniority = 'lead' OR seniority = 'principal'),
            start_date TEXT,
            duration_weeks INTEGER CHECK (duration_weeks BETWEEN 1 AND 260),
            openings INTEGER NOT NULL CHECK (openings >= 1),
            status TEXT NOT NULL CHECK (status = 'open' OR status = 'on_hold' OR status = 'filled' OR status = 'closed'),
            practice_id INTEGER REFERENCES practice(id),
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            version INTEGER NOT NULL CHECK (version >= 1)
        );
        CREATE INDEX job_by_client ON job(client_id);
        CREATE INDEX job_by_practice ON job(practice_id);
        CREATE INDEX job_by_status ON job(status);

        CREATE TABLE job_skill (
            job_id INTEGER NOT NULL REFERENCES job(id) ON DELETE CASCADE,
            skill_id INTEGER NOT NULL REFERENCES skill(id),
            minimum_level INTEGER NOT NULL CHECK (minimum_level BETWEEN 1 AND 5),
            minimum_years REAL NOT NULL CHECK (minimum_years >= 0),
            importance TEXT NOT NULL CHECK (importance = 'must' OR importance = 'nice'),
            weight INTEGER NOT NULL CHECK (weight BETWEEN 1 AND 10),
            position INTEGER NOT NULL,
            PRIMARY KEY (job_id, skill_id)
        ) WITHOUT ROWID;
        CREATE INDEX job_skill_by_skill ON job_skill(skill_id, job_id);

        CREATE TABLE job_owner (
            job_id INTEGER NOT NULL REFERENCES job(id) ON DELETE CASCADE,
            user_id INTEGER NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            PRIMARY KEY (job_id, user_id)
        ) WITHOUT ROWID;
        CREATE INDEX job_owner_by_user ON job_owner(user_id);

        CREATE TABLE candidate (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            email TEXT NOT NULL COLLATE NOCASE,
            phone TEXT,
            city TEXT NOT NULL,
            country TEXT NOT NULL,
            time_zone TEXT NOT NULL,
            region TEXT NOT NULL CHECK (region = 'US' OR region = 'UK' OR region = 'NZ' OR region = 'HK'),
            remote_preference TEXT NOT NULL CHECK (remote_preference = 'remote_only' OR remote_preference = 'hybrid' OR remote_preference = 'onsite' OR remote_preference = 'flexible'),
            open_to_relocation INTEGER NOT NULL CHECK (open_to_relocation = 0 OR open_to_relocation = 1),
            headline TEXT NOT NULL,
            summary TEXT NOT NULL,
            availability TEXT NOT NULL CHECK (availability = 'active' OR availability = 'passive' OR availability = 'not_looking' OR availability = 'on_assignment'),
            available_until TEXT,
            do_not_contact INTEGER NOT NULL CHECK (do_not_contact = 0 OR do_not_contact = 1),
            owner_id INTEGER REFERENCES app_user(id) ON DELETE SET NULL,
            home_practice_id INTEGER REFERENCES practice(id),
            source_kind TEXT NOT NULL CHECK (source_kind = 'sourced' OR source_kind = 'inbound' OR source_kind = 'referral'),
            referrer_id INTEGER REFERENCES candidate(id) ON DELETE SET NULL,
            -- Nested preferences read and written whole: links, work authorisations, goals, interests,
            -- contact preferences and consent records, as one JSON document.
            details TEXT NOT NULL CHECK (json_valid(details)),
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            version INTEGER NOT NULL CHECK (version >= 1)
        );
        -- A named index rather than a column constraint, so a bulk load can build it once at the end.
        CREATE UNIQUE INDEX candidate_email ON candidate(email);
        CREATE INDEX candidate_by_practice ON candidate(home_practice_id);
        CREATE INDEX candidate_by_owner ON candidate(owner_id);
        CREATE INDEX candidate_by_region ON candidate(region);
        CREATE INDEX candidate_by_availability ON candidate(availability);
        CREATE INDEX candidate_by_referrer ON candidate(referrer_id);

        CREATE TABLE candidate_skill (
            candidate_id INTEGER NOT NULL REFERENCES candidate(id) ON DELETE CASCADE,
            skill_id INTEGER NOT NULL REFERENCES skill(id),
            level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
            years REAL NOT NULL CHECK (years >= 0),
            last_used INTEGER,
            wants_to_grow INTEGER NOT NULL CHECK (wants_to_grow = 0 OR wants_to_grow = 1),
            position INTEGER NOT NULL,
            PRIMARY KEY (candidate_id, skill_id)
        ) WITHOUT ROWID;
        CREATE INDEX candidate_skill_by_skill ON candidate_skill(skill_id, candidate_id);

        CREATE TABLE api_token (
            id INTEGER PRIMARY KEY,
            token_hash TEXT NOT NULL UNIQUE,
            user_id INTEGER NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
            label TEXT NOT NULL,
            created_at INTEGER NOT NULL
        );
        CREATE INDEX api_token_by_user ON api_token(user_id);
        """

    /// Skill relations, the taxonomy's version (bumped by every change, so matching knows when to rebuild) and the
    /// free-text skills nobody could resolve yet, kept for curation.
    private static let v0002 = """
        CREATE TABLE skill_relation (
            skill_id INTEGER NOT NULL REFERENCES skill(id) ON DELETE CASCADE,
            other_id INTEGER NOT NULL REFERENCES skill(id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind = 'implies' OR kind = 'related'),
            position INTEGER NOT NULL,
            PRIMARY KEY (skill_id, kind, other_id),
            CHECK (skill_id <> other_id)
        ) WITHOUT ROWID;
        CREATE INDEX skill_relation_by_other ON skill_relation(other_id);

        CREATE TABLE taxonomy_state (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            version INTEGER NOT NULL CHECK (version >= 0),
            standard_version TEXT
        );
        INSERT INTO taxonomy_state (id, version, standard_version) VALUES (1, 0, NULL);

        CREATE TABLE unresolved_skill (
            key TEXT NOT NULL PRIMARY KEY,
            example TEXT NOT NULL,
            occurrences INTEGER NOT NULL CHECK (occurrences >= 1),
            first_seen INTEGER NOT NULL,
            last_seen INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX unresolved_skill_by_count ON unresolved_skill(occurrences DESC, key);
        """

    /// Messages to candidates and their link tokens, the durable outbox, suppressed addresses, replies and follow-up
    /// obligations with their history. Deleting a candidate (erasure) removes all of it.
    private static let v0003 = """
        CREATE TABLE outreach (
            id INTEGER PRIMARY KEY,
            candidate_id INTEGER NOT NULL REFERENCES candidate(id) ON DELETE CASCADE,
            recruiter_id INTEGER NOT NULL REFERENCES app_user(id),
            kind TEXT NOT NULL CHECK (kind = 'discovery' OR kind = 'opportunity' OR kind = 'check_in' OR kind = 'close_the_loop' OR kind = 'survey'),
            channel TEXT NOT NULL CHECK (channel = 'email' OR channel = 'phone' OR channel = 'linkedin' OR channel = 'meeting' OR channel = 'sms'),
            status TEXT NOT NULL CHECK (status = 'queued' OR status = 'sending' OR status = 'sent' OR status = 'logged' OR status = 'blocked' OR status = 'failed' OR status = 'cancelled'),
            subject TEXT NOT NULL,
            body_text TEXT NOT NULL,
            body_html TEXT,
            created_at INTEGER NOT NULL,
            send_after INTEGER NOT NULL,
            sent_at INTEGER,
            override_reason TEXT,
            automated INTEGER NOT NULL CHECK (automated = 0 OR automated = 1),
            message_id TEXT UNIQUE,
            last_error TEXT,
            feedback_relevant INTEGER CHECK (feedback_relevant = 0 OR feedback_relevant = 1),
            feedback_at INTEGER
        );
        CREATE INDEX outreach_by_candidate ON outreach(candidate_id, created_at);
        CREATE INDEX outreach_by_recruiter ON outreach(recruiter_id, created_at);

        CREATE TABLE outreach_job (
            outreach_id INTEGER NOT NULL REFERENCES outreach(id) ON DELETE CASCADE,
            job_id INTEGER NOT NULL REFERENCES job(id),
            fit INTEGER NOT NULL CHECK (fit BETWEEN 0 AND 100),
            position INTEGER NOT NULL,
            PRIMARY KEY (outreach_id, job_id)
        ) WITHOUT ROWID;
        CREATE INDEX outreach_job_by_job ON outreach_job(job_id);

        CREATE TABLE outreach_token (
            token TEXT NOT NULL PRIMARY KEY,
            outreach_id INTEGER NOT NULL REFERENCES outreach(id) ON DELETE CASCADE,
            purpose TEXT NOT NULL CHECK (purpose = 'unsubscribe' OR purpose = 'feedback' OR purpose = 'preferences' OR purpose = 'reply')
        ) WITHOUT ROWID;
        CREATE INDEX outreach_token_by_outreach ON outreach_token(outreach_id);

        CREATE TABLE outbox (
            id INTEGER PRIMARY KEY,
            outreach_id INTEGER UNIQUE REFERENCES outreach(id) ON DELETE CASCADE,
            message_id TEXT NOT NULL UNIQUE,
            envelope TEXT NOT NULL CHECK (json_valid(envelope)),
            status TEXT NOT NULL CHECK (status = 'queued' OR status = 'sending' OR status = 'sent' OR status = 'failed' OR status = 'cancelled'),
            send_after INTEGER NOT NULL,
            claimed_until INTEGER,
            attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
            last_error TEXT,
            sent_at INTEGER,
            server_reply TEXT
        );
        CREATE INDEX outbox_due ON outbox(status, send_after);

        CREATE TABLE address_status (
            email TEXT NOT NULL COLLATE NOCASE PRIMARY KEY,
            suppression TEXT NOT NULL CHECK (suppression = 'unsubscribed' OR suppression = 'undeliverable'),
            reason TEXT NOT NULL,
            at INTEGER NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE reply (
            id INTEGER PRIMARY KEY,
            candidate_id INTEGER NOT NULL REFERENCES candidate(id) ON DELETE CASCADE,
            outreach_id INTEGER REFERENCES outreach(id) ON DELETE SET NULL,
            channel TEXT NOT NULL CHECK (channel = 'email' OR channel = 'phone' OR channel = 'linkedin' OR channel = 'meeting' OR channel = 'sms'),
            received_at INTEGER NOT NULL,
            subject TEXT NOT NULL,
            body_text TEXT NOT NULL,
            message_id TEXT UNIQUE,
            intent TEXT NOT NULL,
            classification TEXT NOT NULL CHECK (json_valid(classification)),
            logged_by INTEGER REFERENCES app_user(id) ON DELETE SET NULL,
            settled_changes TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(settled_changes)),
            referral_id INTEGER REFERENCES candidate(id) ON DELETE SET NULL
        );
        CREATE INDEX reply_by_candidate ON reply(candidate_id, received_at);

        CREATE TABLE obligation (
            id INTEGER PRIMARY KEY,
            reply_id INTEGER NOT NULL UNIQUE REFERENCES reply(id) ON DELETE CASCADE,
            candidate_id INTEGER NOT NULL REFERENCES candidate(id) ON DELETE CASCADE,
            owner_id INTEGER NOT NULL REFERENCES app_user(id),
            opened_at INTEGER NOT NULL,
            due_at INTEGER NOT NULL,
            status TEXT NOT NULL CHECK (status = 'open' OR status = 'fulfilled'),
            fulfilled_at INTEGER,
            fulfilled_by INTEGER REFERENCES outreach(id) ON DELETE SET NULL,
            escalated_at INTEGER,
            escalated_to INTEGER REFERENCES app_user(id) ON DELETE SET NULL
        );
        CREATE INDEX obligation_open_by_owner ON obligation(owner_id, status, due_at);
        CREATE INDEX obligation_open_by_due ON obligation(status, due_at);
        CREATE INDEX obligation_by_candidate ON obligation(candidate_id, status);

        CREATE TABLE obligation_event (
            obligation_id INTEGER NOT NULL REFERENCES obligation(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            kind TEXT NOT NULL CHECK (kind = 'opened' OR kind = 'reassigned' OR kind = 'escalated' OR kind = 'fulfilled'),
            at INTEGER NOT NULL,
            actor_id INTEGER REFERENCES app_user(id) ON DELETE SET NULL,
            subject_id INTEGER REFERENCES app_user(id) ON DELETE SET NULL,
            note TEXT NOT NULL,
            PRIMARY KEY (obligation_id, position)
        ) WITHOUT ROWID;
        """

    /// Surveys sent with a survey message, answerable once through their link until they expire.
    private static let v0004 = """
        CREATE TABLE survey (
            id INTEGER PRIMARY KEY,
            candidate_id INTEGER NOT NULL REFERENCES candidate(id) ON DELETE CASCADE,
            recruiter_id INTEGER NOT NULL REFERENCES app_user(id),
            practice_id INTEGER REFERENCES practice(id) ON DELETE SET NULL,
            trigger TEXT NOT NULL CHECK (trigger = 'discovery' OR trigger = 'submission_outcome' OR trigger = 'placement_start' OR trigger = 'assignment_end'),
            token TEXT NOT NULL UNIQUE,
            outreach_id INTEGER REFERENCES outreach(id) ON DELETE SET NULL,
            sent_at INTEGER NOT NULL,
            expires_at INTEGER NOT NULL,
            answered_at INTEGER,
            nps INTEGER CHECK (nps BETWEEN 0 AND 10),
            understood INTEGER CHECK (understood BETWEEN 1 AND 5),
            comment TEXT,
            CHECK ((answered_at IS NULL) = (nps IS NULL))
        );
        CREATE INDEX survey_by_candidate ON survey(candidate_id, sent_at);
        CREATE INDEX survey_by_recruiter ON survey(recruiter_id, sent_at);
        """

    /// Keeping in touch, scheduled rather than remembered: each candidate's cadence and next touch date.
    private static let v0005 = """
        CREATE TABLE touch_schedule (
            candidate_id INTEGER PRIMARY KEY REFERENCES candidate(id) ON DELETE CASCADE,
            cadence_days INTEGER NOT NULL CHECK (cadence_days BETWEEN 7 AND 365),
            next_touch_at INTEGER NOT NULL,
            last_touch_at INTEGER
        );
        CREATE INDEX touch_schedule_due ON touch_schedule(next_touch_at);
        """

    /// The submission pipeline with its history, placements with the tasks that keep in touch after them, surveys
    /// planned for later, and obligations that a submission's ending opens (the obligation table is rebuilt so an
    /// obligation need not come from a reply).
    private static let v0006 = """
        CREATE TABLE submission (
            id INTEGER PRIMARY KEY,
            candidate_id INTEGER NOT NULL REFERENCES candidate(id) ON DELETE CASCADE,
            job_id INTEGER NOT NULL REFERENCES job(id),
            stage TEXT NOT NULL CHECK (stage = 'shortlisted' OR stage = 'presented' OR stage = 'candidate_interested'
                OR stage = 'submitted' OR stage = 'interview' OR stage = 'offer' OR stage = 'placed'
                OR stage = 'candidate_declined' OR stage = 'client_rejected' OR stage = 'withdrawn'),
            active INTEGER NOT NULL CHECK (active = 0 OR active = 1),
            created_at INTEGER NOT NULL,
            created_by INTEGER NOT NULL REFERENCES app_user(id),
            presented_at INTEGER,
            closed_at INTEGER,
            version INTEGER NOT NULL CHECK (version >= 1)
        );
        CREATE INDEX submission_by_candidate ON submission(candidate_id, created_at);
        CREATE INDEX submission_by_job ON submission(job_id, created_at);
        CREATE UNIQUE INDEX submission_one_active ON submission(candidate_id, job_id) WHERE active = 1;

        CREATE TABLE submission_event (
            submission_id INTEGER NOT NULL REFERENCES submission(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            from_stage TEXT,
            to_stage TEXT NOT NULL,
            at INTEGER NOT NULL,
            by_user INTEGER NOT NULL REFERENCES app_user(id),
            reason TEXT,
            note TEXT NOT NULL,
            PRIMARY KEY (submission_id, position)
        ) WITHOUT ROWID;
        CREATE INDEX submission_event_by_time ON submission_event(to_stage, at);

        CREATE TABLE placement (
            id INTEGER PRIMARY KEY,
            submission_id INTEGER NOT NULL UNIQUE REFERENCES submission(id) ON DELETE CASCADE,
            candidate_id INTEGER NOT NULL REFERENCES candidate(id) ON DELETE CASCADE,
            job_id INTEGER NOT NULL REFERENCES job(id),
            recruiter_id INTEGER NOT NULL REFERENCES app_user(id),
            start_day INTEGER NOT NULL,
            end_day INTEGER,
            ended_early_on INTEGER,
            currency TEXT NOT NULL,
            unit TEXT NOT NULL CHECK (unit = 'hour' OR unit = 'day' OR unit = 'year'),
            pay_minor INTEGER NOT NULL CHECK (pay_minor > 0),
            bill_minor INTEGER CHECK (bill_minor >= pay_minor),
            created_at INTEGER NOT NULL,
            CHECK (end_day IS NULL OR end_day >= start_day)
        );
        CREATE INDEX placement_by_candidate ON placement(candidate_id, start_day);
        CREATE INDEX placement_by_end ON placement(coalesce(ended_early_on, end_day));

        CREATE TABLE relationship_task (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind = 'check_in_week_1' OR kind = 'check_in_month_1' OR kind = 'redeployment'),
            placement_id INTEGER NOT NULL REFERENCES placement(id) ON DELETE CASCADE,
            candidate_id INTEGER NOT NULL REFERENCES candidate(id) ON DELETE CASCADE,
            owner_id INTEGER NOT NULL REFERENCES app_user(id),
            due_day INTEGER NOT NULL,
            status TEXT NOT NULL CHECK (status = 'open' OR status = 'done' OR status = 'cancelled'),
            closed_at INTEGER,
            closed_by INTEGER REFERENCES app_user(id) ON DELETE SET NULL,
            note TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX relationship_task_open ON relationship_task(owner_id, status, due_day);
        CREATE INDEX relationship_task_by_placement ON relationship_task(placement_id);

        CREATE TABLE scheduled_survey (
            id INTEGER PRIMARY KEY,
            candidate_id INTEGER NOT NULL REFERENCES candidate(id) ON DELETE CASCADE,
            recruiter_id INTEGER NOT NULL REFERENCES app_user(id),
            trigger TEXT NOT NULL CHECK (trigger = 'discovery' OR trigger = 'submission_outcome' OR trigger = 'placement_start' OR trigger = 'assignment_end'),
            placement_id INTEGER REFERENCES placement(id) ON DELETE CASCADE,
            due_at INTEGER NOT NULL,
            status TEXT NOT NULL CHECK (status = 'pending' OR status = 'sent' OR status = 'skipped'),
            outreach_id INTEGER REFERENCES outreach(id) ON DELETE SET NULL,
            note TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX scheduled_survey_due ON scheduled_survey(status, due_at);
        CREATE INDEX scheduled_survey_by_candidate ON scheduled_survey(candidate_id);

        CREATE TABLE obligation_new (
            id INTEGER PRIMARY KEY,
            reason TEXT NOT NULL CHECK (reason = 'reply' OR reason = 'tell_candidate'),
            reply_id INTEGER UNIQUE REFERENCES reply(id) ON DELETE CASCADE,
            submission_id INTEGER REFERENCES submission(id) ON DELETE CASCADE,
            candidate_id INTEGER NOT NULL REFERENCES candidate(id) ON DELETE CASCADE,
            owner_id INTEGER NOT NULL REFERENCES app_user(id),
            opened_at INTEGER NOT NULL,
            due_at INTEGER NOT NULL,
            status TEXT NOT NULL CHECK (status = 'open' OR status = 'fulfilled'),
            fulfilled_at INTEGER,
            fulfilled_by INTEGER REFERENCES outreach(id) ON DELETE SET NULL,
            escalated_at INTEGER,
            escalated_to INTEGER REFERENCES app_user(id) ON DELETE SET NULL,
            CHECK ((reason = 'reply') = (reply_id IS NOT NULL) AND (reason = 'tell_candidate') = (submission_id IS NOT NULL))
        );
        INSERT INTO obligation_new (id, reason, reply_id, candidate_id, owner_id, opened_at, due_at, status, fulfilled_at,
            fulfilled_by, escalated_at, escalated_to)
        SELECT id, 'reply', reply_id, candidate_id, owner_id, opened_at, due_at, status, fulfilled_at, fulfilled_by,
            escalated_at, escalated_to FROM obligation;
        DROP TABLE obligation;
        ALTER TABLE obligation_new RENAME TO obligation;
        CREATE INDEX obligation_open_by_owner ON obligation(owner_id, status, due_at);
        CREATE INDEX obligation_open_by_due ON obligation(status, due_at);
        CREATE INDEX obligation_by_candidate ON obligation(candidate_id, status);
        CREATE INDEX obligation_by_submission ON obligation(submission_id);

        CREATE TABLE practice_handover (
            id INTEGER PRIMARY KEY,
            candidate_id INTEGER NOT NULL REFERENCES candidate(id) ON DELETE CASCADE,
            from_practice_id INTEGER REFERENCES practice(id) ON DELETE SET NULL,
            to_practice_id INTEGER NOT NULL REFERENCES practice(id),
            from_owner_id INTEGER REFERENCES app_user(id) ON DELETE SET NULL,
            to_owner_id INTEGER REFERENCES app_user(id) ON DELETE SET NULL,
            by_user INTEGER NOT NULL REFERENCES app_user(id),
            at INTEGER NOT NULL,
            note TEXT NOT NULL
        );
        CREATE INDEX practice_handover_by_candidate ON practice_handover(candidate_id, at);

        CREATE TABLE pitch_overlap (
            id INTEGER PRIMARY KEY,
            candidate_id INTEGER NOT NULL REFERENCES candidate(id) ON DELETE CASCADE,
            earlier_practice_id INTEGER NOT NULL REFERENCES practice(id),
            earlier_recruiter_id INTEGER NOT NULL REFERENCES app_user(id),
            earlier_at INTEGER NOT NULL,
            later_practice_id INTEGER NOT NULL REFERENCES practice(id),
            later_recruiter_id INTEGER NOT NULL REFERENCES app_user(id),
            later_outreach_id INTEGER REFERENCES outreach(id) ON DELETE SET NULL,
            at INTEGER NOT NULL
        );
        CREATE INDEX pitch_overlap_by_earlier ON pitch_overlap(earlier_practice_id, at);
        CREATE INDEX pitch_overlap_by_later ON pitch_overlap(later_practice_id, at);
        """

    /// Staff passwords (Bcrypt), browser sessions (only the cookie's hash is kept), failed sign-ins for throttling, and
    /// candidates' single-use portal links (only their hash is kept).
    private static let v0007 = """
        ALTER TABLE app_user ADD COLUMN password_hash TEXT;

        CREATE TABLE web_session (
            id_hash TEXT NOT NULL PRIMARY KEY,
            user_id INTEGER REFERENCES app_user(id) ON DELETE CASCADE,
            candidate_id INTEGER REFERENCES candidate(id) ON DELETE CASCADE,
            csrf_token TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            expires_at INTEGER NOT NULL,
            CHECK ((user_id IS NULL) <> (candidate_id IS NULL))
        ) WITHOUT ROWID;
        CREATE INDEX web_session_by_expiry ON web_session(expires_at);
        CREATE INDEX web_session_by_user ON web_session(user_id);

        CREATE TABLE sign_in_failure (
            key TEXT NOT NULL,
            at INTEGER NOT NULL
        );
        CREATE INDEX sign_in_failure_by_key ON sign_in_failure(key, at);

        CREATE TABLE portal_link (
            token_hash TEXT NOT NULL PRIMARY KEY,
            candidate_id INTEGER NOT NULL REFERENCES candidate(id) ON DELETE CASCADE,
            created_at INTEGER NOT NULL,
            expires_at INTEGER NOT NULL,
            used_at INTEGER
        ) WITHOUT ROWID;
        CREATE INDEX portal_link_by_candidate ON portal_link(candidate_id);

        -- After an erasure only salted hashes of the person's contact points remain, so "do not contact" still holds if
        -- they are ever imported again; the salt never leaves this database.
        CREATE TABLE erased_contact (
            hash TEXT NOT NULL PRIMARY KEY,
            erased_at INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE app_secret (
            name TEXT NOT NULL PRIMARY KEY,
            value TEXT NOT NULL
        ) WITHOUT ROWID;

        -- Settings an admin changed on the web (fit threshold, reply SLA, redeployment weeks): they win over start-up flags.
        CREATE TABLE firm_setting (
            name TEXT NOT NULL PRIMARY KEY,
            value INTEGER NOT NULL
        ) WITHOUT ROWID;
        """

    /// Real postings: pay may be undisclosed, per week or per month, in any currency Core names (a three-letter code
    /// here, so the next currency needs no rebuild); a remote job says where it can be done from and whether it can
    /// engage contractors abroad. The job and placement tables are rebuilt to change their checks; every row keeps
    /// its id, so submissions, outreach and tasks still point at it. A remote job from before keeps its old meaning:
    /// remote within the job's own country.
    private static let v0008 = """
        CREATE TABLE job_new (
            id INTEGER PRIMARY KEY,
            client_id INTEGER NOT NULL REFERENCES client(id),
            title TEXT NOT NULL,
            description TEXT NOT NULL,
            city TEXT NOT NULL,
            country TEXT NOT NULL,
            region TEXT NOT NULL CHECK (region = 'US' OR region = 'UK' OR region = 'NZ' OR region = 'HK'),
            remote_policy TEXT NOT NULL CHECK (remote_policy = 'onsite' OR remote_policy = 'hybrid' OR remote_policy = 'remote'),
            -- Where a remote job can be done from; places are a JSON array of ISO country codes or IANA time zones.
            remote_area TEXT CHECK (remote_area = 'anywhere' OR remote_area = 'countries' OR remote_area = 'time_zones'),
            remote_places TEXT CHECK (remote_places IS NULL OR json_valid(remote_places)),
            remote_overlap_hours INTEGER CHECK (remote_overlap_hours BETWEEN 1 AND 12),
            contractors_abroad INTEGER NOT NULL DEFAULT 0 CHECK (contractors_abroad = 0 OR contractors_abroad = 1),
            employment_type TEXT NOT NULL CHECK (employment_type = 'contract' OR employment_type = 'contract_to_hire' OR employment_type = 'permanent'),
            -- All four pay columns are NULL when the client has not disclosed the pay.
            pay_currency TEXT CHECK (length(pay_currency) = 3 AND pay_currency = upper(pay_currency)),
            pay_unit TEXT CHECK (pay_unit = 'hour' OR pay_unit = 'day' OR pay_unit = 'week' OR pay_unit = 'month' OR pay_unit = 'year'),
            pay_minimum INTEGER CHECK (pay_minimum >= 0),
            pay_maximum INTEGER CHECK (pay_maximum >= pay_minimum),
            seniority TEXT NOT NULL CHECK (seniority = 'junior' OR seniority = 'mid' OR seniority = 'senior' OR seniority = 'lead' OR seniority = 'principal'),
            start_date TEXT,
            duration_weeks INTEGER CHECK (duration_weeks BETWEEN 1 AND 260),
            openings INTEGER NOT NULL CHECK (openings >= 1),
            status TEXT NOT NULL CHECK (status = 'open' OR status = 'on_hold' OR status = 'filled' OR status = 'closed'),
            practice_id INTEGER REFERENCES practice(id),
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            version INTEGER NOT NULL CHECK (version >= 1),
            CHECK ((pay_currency IS NULL) = (pay_unit IS NULL) AND (pay_unit IS NULL) = (pay_minimum IS NULL)
                AND (pay_minimum IS NULL) = (pay_maximum IS NULL)),
            CHECK (remote_area IS NULL OR remote_policy = 'remote'),
            CHECK ((remote_area = 'countries' OR remote_area = 'time_zones') = (remote_places IS NOT NULL)),
            CHECK ((remote_area = 'time_zones') = (remote_overlap_hours IS NOT NULL))
        );
        INSERT INTO job_new (id, client_id, title, description, city, country, region, remote_policy, remote_area,
            remote_places, employment_type, pay_currency, pay_unit, pay_minimum, pay_maximum, seniority, start_date,
            duration_weeks, openings, status, practice_id, created_at, updated_at, version)
        SELECT id, client_id, title, description, city, country, region, remote_policy,
            CASE WHEN remote_policy = 'remote' THEN 'countries' END,
            CASE WHEN remote_policy = 'remote' THEN json_array(country) END,
            employment_type, pay_currency, pay_unit, pay_minimum, pay_maximum, seniority, start_date, duration_weeks,
            openings, status, practice_id, created_at, updated_at, version
        FROM job;
        DROP TABLE job;
        ALTER TABLE job_new RENAME TO job;
        CREATE INDEX job_by_client ON job(client_id);
        CREATE INDEX job_by_practice ON job(practice_id);
        CREATE INDEX job_by_status ON job(status);

        CREATE TABLE placement_new (
            id INTEGER PRIMARY KEY,
            submission_id INTEGER NOT NULL UNIQUE REFERENCES submission(id) ON DELETE CASCADE,
            candidate_id INTEGER NOT NULL REFERENCES candidate(id) ON DELETE CASCADE,
            job_id INTEGER NOT NULL REFERENCES job(id),
            recruiter_id INTEGER NOT NULL REFERENCES app_user(id),
            start_day INTEGER NOT NULL,
            end_day INTEGER,
            ended_early_on INTEGER,
            currency TEXT NOT NULL,
            unit TEXT NOT NULL CHECK (unit = 'hour' OR unit = 'day' OR unit = 'week' OR unit = 'month' OR unit = 'year'),
            pay_minor INTEGER NOT NULL CHECK (pay_minor > 0),
            bill_minor INTEGER CHECK (bill_minor >= pay_minor),
            created_at INTEGER NOT NULL,
            CHECK (end_day IS NULL OR end_day >= start_day)
        );
        INSERT INTO placement_new SELECT id, submission_id, candidate_id, job_id, recruiter_id, start_day, end_day,
            ended_early_on, currency, unit, pay_minor, bill_minor, created_at FROM placement;
        DROP TABLE placement;
        ALTER TABLE placement_new RENAME TO placement;
        CREATE INDEX placement_by_candidate ON placement(candidate_id, start_day);
        CREATE INDEX placement_by_end ON placement(coalesce(ended_early_on, end_day));
        """

    /// Where imported people came from: each run of an importer over a file, and which record of it created or
    /// updated each person. A person's rows go when they are erased; a run outlives the user who made it.
    private static let v0009 = """
        CREATE TABLE import_run (
            id INTEGER PRIMARY KEY,
            format TEXT NOT NULL,
            file_name TEXT NOT NULL,
            run_by INTEGER REFERENCES app_user(id) ON DELETE SET NULL,
            at INTEGER NOT NULL
        );
        CREATE TABLE candidate_import (
            candidate_id INTEGER NOT NULL REFERENCES candidate(id) ON DELETE CASCADE,
            run_id INTEGER NOT NULL REFERENCES import_run(id) ON DELETE CASCADE,
            record INTEGER NOT NULL CHECK (record >= 1),
            outcome TEXT NOT NULL CHECK (outcome = 'created' OR outcome = 'updated'),
            PRIMARY KEY (candidate_id, run_id)
        ) WITHOUT ROWID;
        CREATE INDEX candidate_import_by_run ON candidate_import(run_id);
        """

    /// Jobs keep their imports as people do, with the source's own reference for the posting, so importing the same
    /// posting again finds the job it made.
    private static let v0010 = """
        CREATE TABLE job_import (
            job_id INTEGER NOT NULL REFERENCES job(id) ON DELETE CASCADE,
            run_id INTEGER NOT NULL REFERENCES import_run(id) ON DELETE CASCADE,
            record INTEGER NOT NULL CHECK (record >= 1),
            outcome TEXT NOT NULL CHECK (outcome = 'created' OR outcome = 'updated'),
            source_reference TEXT CHECK (source_reference IS NULL OR length(source_reference) BETWEEN 1 AND 1000),
            PRIMARY KEY (job_id, run_id)
        ) WITHOUT ROWID;
        CREATE INDEX job_import_by_run ON job_import(run_id);
        CREATE INDEX job_import_by_reference ON job_import(source_reference) WHERE source_reference IS NOT NULL;
        """

    /// Original files kept with people (CVs). A file whose person is deleted or erased goes with them; one uploaded
    /// for a draft that was never saved has no person and is cleared after a day.
    private static let v0011 = """
        CREATE TABLE attachment (
            id INTEGER PRIMARY KEY,
            candidate_id INTEGER REFERENCES candidate(id) ON DELETE CASCADE,
            file_name TEXT NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
            kind TEXT NOT NULL CHECK (kind = 'pdf' OR kind = 'docx' OR kind = 'text'),
            size INTEGER NOT NULL CHECK (size BETWEEN 1 AND 10485760 AND size = length(content)),
            sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
            content BLOB NOT NULL,
            uploaded_by INTEGER REFERENCES app_user(id) ON DELETE SET NULL,
            uploaded_at INTEGER NOT NULL
        );
        CREATE INDEX attachment_by_candidate ON attachment(candidate_id);
        CREATE INDEX attachment_unattached ON attachment(uploaded_at) WHERE candidate_id IS NULL;
        """

    /// Files uploaded to the web import page, kept between their dry run and their confirmation.
    private static let v0012 = """
        CREATE TABLE pending_import (
            token TEXT PRIMARY KEY CHECK (length(token) BETWEEN 16 AND 100),
            file_name TEXT NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
            format TEXT,
            region TEXT CHECK (region IS NULL OR region = 'US' OR region = 'UK' OR region = 'NZ' OR region = 'HK'),
            commit_valid INTEGER NOT NULL CHECK (commit_valid = 0 OR commit_valid = 1),
            mapping BLOB,
            content BLOB NOT NULL,
            uploaded_by INTEGER NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
            uploaded_at INTEGER NOT NULL
        ) WITHOUT ROWID;
        """

    /// What may make two records one person (the same phone, the same name with the same profile link), kept as keys
    /// so a new or imported person is checked against everyone held at once.
    private static let v0013 = """
        CREATE TABLE candidate_key (
            key TEXT NOT NULL,
            candidate_id INTEGER NOT NULL REFERENCES candidate(id) ON DELETE CASCADE,
            PRIMARY KEY (key, candidate_id)
        ) WITHOUT ROWID;
        CREATE INDEX candidate_key_by_candidate ON candidate_key(candidate_id);
        """

    /// A record merged into another leaves its id and the e-mail address not kept, so that old links, replies,
    /// imports and portal sign-ins still find the person.
    private static let v0014 = """
        CREATE TABLE candidate_alias (
            old_id INTEGER PRIMARY KEY,
            candidate_id INTEGER NOT NULL REFERENCES candidate(id) ON DELETE CASCADE,
            email TEXT NOT NULL COLLATE NOCASE,
            merged_at INTEGER NOT NULL,
            merged_by INTEGER REFERENCES app_user(id) ON DELETE SET NULL
        );
        CREATE INDEX candidate_alias_by_email ON candidate_alias(email);
        CREATE INDEX candidate_alias_by_candidate ON candidate_alias(candidate_id);
        """

    /// Notes that came with people from the system a firm moved off, with their author and date as it had them. A
    /// note stays when its import run's record is gone, and goes with the person.
    private static let v0015 = """
        CREATE TABLE candidate_note (
            id INTEGER PRIMARY KEY,
            candidate_id INTEGER NOT NULL REFERENCES candidate(id) ON DELETE CASCADE,
            author TEXT NOT NULL,
            written_at INTEGER,
            text TEXT NOT NULL CHECK (length(text) >= 1),
            run_id INTEGER REFERENCES import_run(id) ON DELETE SET NULL,
            stored_at INTEGER NOT NULL
        );
        CREATE INDEX candidate_note_by_candidate ON candidate_note(candidate_id, written_at);
        """

    /// People's ids in the systems a firm imports from, so that a later import of the same person finds them even
    /// when their e-mail address changed there.
    private static let v0016 = """
        CREATE TABLE candidate_external_id (
            source TEXT NOT NULL COLLATE NOCASE CHECK (length(source) BETWEEN 1 AND 100),
            value TEXT NOT NULL CHECK (length(value) BETWEEN 1 AND 200),
            candidate_id INTEGER NOT NULL REFERENCES candidate(id) ON DELETE CASCADE,
            PRIMARY KEY (source, value)
        ) WITHOUT ROWID;
        CREATE INDEX candidate_external_id_by_candidate ON candidate_external_id(candidate_id);
        """
}
