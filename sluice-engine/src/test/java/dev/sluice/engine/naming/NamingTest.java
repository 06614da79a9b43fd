package dev.sluice.engine.naming;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NamingTest {

    private final Naming fivetran = new Naming(NamingStrategy.FIVETRAN);
    private final Naming source = new Naming(NamingStrategy.SOURCE);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "userId|user_id",
                "UserId|user_id",
                "userID|user_id",
                "HTTPStatus|http_status",
                "getHTTPResponseCode|get_http_response_code",
                "ABC|abc",
                "version2Name|version2_name",
                "already_snake|already_snake",
                "First Name|first_name",
                "e-mail|e_mail",
                "address.city|address_city",
                "$price|_price",
                "2fa|_2fa",
                "123|_123",
                "Café Crème|cafe_creme",
                "ÀÉÎÕÜ|aeiou",
                "naïve|naive",
                "order|order",
                "SELECT|select",
                "名前|名前",
                "_Fivetran_Synced|_fivetran_synced",
                "a__b|a__b",
            })
    void fivetranNaming(String name, String expected) {
        assertThat(fivetran.apply(name)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"userId", "First Name", "e-mail", "2fa", "Café", "order", "名前", "a.b"})
    void sourceNamingKeepsNames(String name) {
        assertThat(source.apply(name)).isEqualTo(name);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"' padded '|_padded_", "'tab\there'|tab_here", "'a b  c'|a_b__c"})
    void whitespaceBecomesUnderscores(String name, String expected) {
        assertThat(fivetran.apply(name)).isEqualTo(expected);
    }
}
