/// The firm's message templates, in Mustache: one text and one HTML body per kind, sharing a footer.
///
/// Text templates switch escaping off (`CONTENT_TYPE: TEXT`); HTML templates escape every value. Kept in code rather
/// than resource files so the binary is the whole product.
enum MessageTemplates {
    static let all: [String: String] = [
        "subject.discovery": "{{firstName}}, a conversation about what you want next",
        "subject.opportunity": "{{#single}}{{title}}: why I thought of you{{/single}}{{^single}}{{count}} roles that fit what you told us{{/single}}",
        "subject.check_in": "Checking in, {{firstName}}",
        "subject.close_the_loop": "Thanks, {{firstName}}",
        "subject.survey": "How are we doing, {{firstName}}?",

        "text.discovery": text("""
            I'm {{recruiterName}}{{#practiceName}}, and I look after {{practiceName}} roles{{/practiceName}} at {{firmName}}.

            I'm not writing about a particular job. I'd like to understand what you enjoy, what you want to grow into and \
            what would make a move worth it, so that anything I send you later is worth your time.

            Would you have twenty minutes for a call in the next week or two? Reply with a time that suits you, or just \
            tell me a little about what you're after.
            """),
        "text.opportunity": text("""
            {{#opening}}{{.}}{{/opening}}{{^opening}}{{#single}}I have a role I think fits what you've told us.{{/single}}{{^single}}I have {{count}} roles I think fit what you've told us.{{/single}}{{/opening}}
            {{#jobs}}

            * {{title}} at {{client}}
              {{place}} | {{employment}} | {{pay}}
            {{#why}}
              {{.}}
            {{/why}}
            {{/jobs}}

            If one interests you, reply and I'll answer within a business day. If not, a one-line reason helps me send \
            you better ones, or none at all.
            """),
        "text.check_in": text("""
            It's been a while since we spoke. Is anything changing for you, in your current role or in what you'd want \
            next? A line or two is plenty; I'll keep it in mind and only get in touch when something really fits.
            """),
        "text.close_the_loop": text("""
            {{#until}}Thanks for letting me know. I've noted that now isn't the time, and I'll get back in touch in {{until}}, not before.{{/until}}{{^until}}Thanks for letting me know. I've noted it, so we won't send you roles like this one.{{/until}}

            Let's stay in touch: if anything changes, just reply to this e-mail.
            """),
        "text.survey": text("""
            Could you tell us how we're doing? Two questions and a comment, one minute:{{#surveyURL}}
            {{.}}{{/surveyURL}}{{^surveyURL}} reply with a score from 0 to 10 for how likely you would be to \
            recommend us to a friend, and anything we could do better.{{/surveyURL}}

            Every answer is read, by your recruiter and by their practice lead.
            """),

        "html.discovery": html("""
            <p>I'm {{recruiterName}}{{#practiceName}}, and I look after {{practiceName}} roles{{/practiceName}} at {{firmName}}.</p>
            <p>I'm not writing about a particular job. I'd like to understand what you enjoy, what you want to grow into and \
            what would make a move worth it, so that anything I send you later is worth your time.</p>
            <p>Would you have twenty minutes for a call in the next week or two? Reply with a time that suits you, or just \
            tell me a little about what you're after.</p>
            """),
        "html.opportunity": html("""
            <p>{{#opening}}{{.}}{{/opening}}{{^opening}}{{#single}}I have a role I think fits what you've told us.{{/single}}{{^single}}I have {{count}} roles I think fit what you've told us.{{/single}}{{/opening}}</p>
            {{#jobs}}
            <div style="margin:16px 0;padding:12px 16px;border-left:3px solid #2f6f5e">
            <p style="margin:0 0 4px"><strong>{{title}}</strong> at {{client}}</p>
            <p style="margin:0 0 8px;color:#555">{{place}} &middot; {{employment}} &middot; {{pay}}</p>
            {{#why}}<p style="margin:0 0 4px">{{.}}</p>{{/why}}
            </div>
            {{/jobs}}
            <p>If one interests you, reply and I'll answer within a business day. If not, a one-line reason helps me send \
            you better ones, or none at all.</p>
            """),
        "html.check_in": html("""
            <p>It's been a while since we spoke. Is anything changing for you, in your current role or in what you'd want \
            next? A line or two is plenty; I'll keep it in mind and only get in touch when something really fits.</p>
            """),
        "html.close_the_loop": html("""
            <p>{{#until}}Thanks for letting me know. I've noted that now isn't the time, and I'll get back in touch in {{until}}, not before.{{/until}}{{^until}}Thanks for letting me know. I've noted it, so we won't send you roles like this one.{{/until}}</p>
            <p>Let's stay in touch: if anything changes, just reply to this e-mail.</p>
            """),
        "html.survey": html("""
            <p>Could you tell us how we're doing? Two questions and a comment, one minute.</p>
            {{#surveyURL}}<p><a href="{{.}}" style="display:inline-block;padding:8px 16px;background:#2f6f5e;color:#fff;\
            text-decoration:none;border-radius:4px">Answer the survey</a></p>{{/surveyURL}}
            <p>Every answer is read, by your recruiter and by their practice lead.</p>
            """),
    ]

    /// Greeting, the recruiter's own words, the body, the signature and the footer every e-mail carries.
    private static func text(_ body: String) -> String {
        """
        {{% CONTENT_TYPE: TEXT}}Hi {{firstName}},

        {{#note}}{{.}}

        {{/note}}\(body)

        {{recruiterName}}
        {{firmName}} | {{recruiterEmail}}

        --
        {{#links}}Was this relevant to you? Yes: {{relevant}}
        No: {{notRelevant}}
        Your contact preferences: {{preferences}}
        Unsubscribe: {{unsubscribe}}
        {{/links}}You hear from us because you are in {{firmName}}'s network of IT professionals.
        {{postalAddress}}
        """
    }

    private static func html(_ body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>{{subject}}</title></head>
        <body style="font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif;font-size:15px;line-height:1.5;color:#222;max-width:640px">
        <p>Hi {{firstName}},</p>
        {{#note}}<p style="white-space:pre-line">{{.}}</p>{{/note}}
        \(body)
        <p>{{recruiterName}}<br>{{firmName}} &middot; <a href="mailto:{{recruiterEmail}}">{{recruiterEmail}}</a></p>
        <hr style="border:none;border-top:1px solid #ddd">
        <p style="font-size:13px;color:#555">
        {{#links}}Was this relevant to you? <a href="{{relevant}}">Yes</a> &middot; <a href="{{notRelevant}}">No</a><br>
        <a href="{{preferences}}">Your contact preferences</a> &middot; <a href="{{unsubscribe}}">Unsubscribe</a><br>{{/links}}
        You hear from us because you are in {{firmName}}'s network of IT professionals.<br>
        {{postalAddress}}</p>
        </body></html>
        """
    }
}
