package dev.driftwatch.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Markdown into Jira wiki markup as Atlassian's text formatting notation describes it
 * (https://jira.atlassian.com/secure/WikiRendererHelpAction.jspa?section=all: headings, text effects, lists,
 * links, tables, "Advanced formatting" for {@code {noformat}} and {@code {code}}, and the backslash escape).
 */
class WikiMarkupTest {

    @Test
    void headingsBulletsBoldCodeAndLinks() {
        String markdown = """
                ### What changed
                **Open** since the scan; see [the runbook](https://wiki.acme.example/drift_runbook?x=1).
                - `ingress[0].cidr_blocks`: `10.0.0.0/8` → `0.0.0.0/0`
                  - nested
                1. first""";

        assertThat(WikiMarkup.from(markdown)).isEqualTo("""
                h3. What changed
                *Open* since the scan; see [the runbook|https://wiki.acme.example/drift_runbook?x=1].
                * {{ingress\\[0\\].cidr_blocks}}: {{10.0.0.0/8}} → {{0.0.0.0/0}}
                ** nested
                # first""");
    }

    @Test
    void driftwatchsKeyValueTableLosesItsEmptyHeaderRow() {
        String markdown = """
                Bucket is not encrypted.

                | | |
                |---|---|
                | Severity | high |
                | Resource | `aws_s3_bucket` `logs-prod` |
                | Empty | |
                """;

        assertThat(WikiMarkup.from(markdown)).isEqualTo("""
                Bucket is not encrypted.

                |Severity|high|
                |Resource|{{aws_s3_bucket}} {{logs-prod}}|
                |Empty| |
                """);
    }

    @Test
    void aTableWithAHeaderKeepsItAsHeaderCells() {
        assertThat(WikiMarkup.from("| Path | Value |\n| --- | :--: |\n| a | b |"))
                .isEqualTo("||Path||Value||\n|a|b|");
    }

    @Test
    void fencedBlocksAreNoformatOrCodeAndKeptAsTheyAre() {
        String markdown = """
                ```
                {"Effect": "Allow", "Action": "*"} | -x-
                ```
                ```json
                {"a": [1]}
                ```""";

        assertThat(WikiMarkup.from(markdown)).isEqualTo("""
                {noformat}
                {"Effect": "Allow", "Action": "*"} | -x-
                {noformat}
                {code:json}
                {"a": [1]}
                {code}""");
    }

    @Test
    void charactersJiraWouldReadAsMarkupAreEscapedButWordsKeepTheirHyphensAndUnderscores() {
        assertThat(WikiMarkup.from("sg-1 in aws_security_group: -strike- *bold* _it_ {color} [x] a|b !img! what?? ok?"))
                .isEqualTo("sg-1 in aws_security_group: \\-strike\\- \\*bold\\* \\_it\\_ \\{color\\} \\[x\\] a\\|b"
                        + " \\!img\\! what\\?\\? ok?");
        assertThat(WikiMarkup.from("`{{x}}` and `*y*`")).isEqualTo("{{\\{\\{x\\}\\}}} and {{\\*y\\*}}");
    }

    @Test
    void theTicketLineStaysAsItIsSoFindSeesIt() {
        String line = new TicketSink.NewTicket(42, "0123456789abcdef", "t", "b", null, null, null).ticketLine();

        assertThat(WikiMarkup.from("body\n\n" + line)).isEqualTo("body\n\n" + line);
    }
}
