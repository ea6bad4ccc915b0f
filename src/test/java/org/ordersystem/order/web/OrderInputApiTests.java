package org.ordersystem.order.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.ordersystem.support.Accounts;
import org.ordersystem.support.Accounts.Account;
import org.ordersystem.support.Api;
import org.ordersystem.support.IntegrationTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Malformed and hostile input: always a 4xx problem, and nothing changes. */
@IntegrationTest
class OrderInputApiTests {

    private final Api api;
    private final Accounts accounts;
    private Account alice;
    private long orderId;

    OrderInputApiTests(@LocalServerPort int port) {
        this.api = new Api(port);
        this.accounts = new Accounts(api);
    }

    @BeforeEach
    void placeOneOrder() {
        alice = accounts.newUser();
        Api.Response placed = api.post("/api/orders").token(alice.token())
                .json(Map.of("items", List.of(Map.of("name", "Widget", "quantity", 1, "unit_price", 5)))).send();
        assertThat(placed.status()).isEqualTo(201);
        orderId = placed.json().get("id").asLong();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            unknown field status      | 400 | VALIDATION_FAILED | {"status":"SHIPPED"}
            unknown field total       | 400 | VALIDATION_FAILED | {"total":0.01}
            unknown field is_admin    | 400 | VALIDATION_FAILED | {"is_admin":true}
            unknown field id          | 400 | VALIDATION_FAILED | {"id":1}
            unknown item field        | 400 | VALIDATION_FAILED | {"items":[{"name":"a","quantity":1,"unit_price":1,"line_total":0}]}
            quantity as string        | 400 | MALFORMED_REQUEST | {"items":[{"name":"a","quantity":"1","unit_price":1}]}
            quantity fractional       | 400 | MALFORMED_REQUEST | {"items":[{"name":"a","quantity":1.5,"unit_price":1}]}
            quantity huge             | 400 | MALFORMED_REQUEST | {"items":[{"name":"a","quantity":99999999999999999999,"unit_price":1}]}
            quantity zero             | 400 | VALIDATION_FAILED | {"items":[{"name":"a","quantity":0,"unit_price":1}]}
            quantity over limit       | 400 | VALIDATION_FAILED | {"items":[{"name":"a","quantity":10001,"unit_price":1}]}
            quantity null             | 400 | VALIDATION_FAILED | {"items":[{"name":"a","quantity":null,"unit_price":1}]}
            price negative            | 400 | VALIDATION_FAILED | {"items":[{"name":"a","quantity":1,"unit_price":-1}]}
            price three decimals      | 400 | VALIDATION_FAILED | {"items":[{"name":"a","quantity":1,"unit_price":1.005}]}
            price too large           | 400 | VALIDATION_FAILED | {"items":[{"name":"a","quantity":1,"unit_price":1000000.01}]}
            price exponent            | 400 | VALIDATION_FAILED | {"items":[{"name":"a","quantity":1,"unit_price":1e999999}]}
            price as string           | 400 | MALFORMED_REQUEST | {"items":[{"name":"a","quantity":1,"unit_price":"1"}]}
            name blank                | 400 | VALIDATION_FAILED | {"items":[{"name":"   ","quantity":1,"unit_price":1}]}
            name missing              | 400 | VALIDATION_FAILED | {"items":[{"quantity":1,"unit_price":1}]}
            sku with spaces           | 400 | VALIDATION_FAILED | {"items":[{"name":"a","sku":"a b","quantity":1,"unit_price":1}]}
            null item                 | 400 | VALIDATION_FAILED | {"items":[null]}
            items not a list          | 400 | MALFORMED_REQUEST | {"items":{"name":"a"}}
            currency lower case       | 400 | VALIDATION_FAILED | {"currency":"usd"}
            currency unknown          | 400 | VALIDATION_FAILED | {"currency":"ZZZ"}
            notes too long            | 400 | VALIDATION_FAILED | {"notes":"%NOTES%"}
            user_id negative          | 400 | VALIDATION_FAILED | {"user_id":-5}
            deep nesting              | 400 | MALFORMED_REQUEST | %DEEP%
            not json                  | 400 | MALFORMED_REQUEST | {items: oops
            trailing garbage          | 400 | MALFORMED_REQUEST | {} {}
            json array body           | 400 | MALFORMED_REQUEST | []
            json null body            | 400 | MALFORMED_REQUEST | null
            NUL in an item name       | 400 | VALIDATION_FAILED | {"items":[{"name":"a\\u0000b","quantity":1,"unit_price":1}]}
            NUL in the notes          | 400 | VALIDATION_FAILED | {"notes":"a\\u0000b"}
            field given twice         | 400 | MALFORMED_REQUEST | {"notes":"a","notes":"b"}
            """)
    void badOrderBodiesAreRefusedAndCreateNothing(String description, int status, String code, String body) {
        long before = orderCount();
        String text = body.replace("%NOTES%", "n".repeat(2001))
                .replace("%DEEP%", "{\"notes\":" + "[".repeat(5000) + "]".repeat(5000) + "}");

        Api.Response response = api.post("/api/orders").token(alice.token()).raw(text, "application/json").send();

        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.field("error_code")).isEqualTo(code);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.text()).doesNotContain("Exception").doesNotContain("tools.jackson");
        assertThat(orderCount()).isEqualTo(before);
    }

    @Test
    void validationErrorsNameTheFieldInSnakeCase() {
        Api.Response response = api.post("/api/orders").token(alice.token())
                .raw("{\"items\":[{\"name\":\"a\",\"quantity\":1,\"unit_price\":-3}]}", "application/json").send();

        assertThat(response.json().at("/errors/0/field").asString()).isEqualTo("items[0].unit_price");
    }

    @Test
    void bodyThatIsNotJsonIs415() {
        Api.Response response = api.post("/api/orders").token(alice.token()).raw("items=1", "text/plain").send();

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.field("error_code")).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void chunkedBodyOverOneMebibyteIs413() {
        String huge = "{\"notes\":\"" + "x".repeat(1100 * 1024) + "\"}";
        Api.Response response = api.post("/api/orders").token(alice.token()).raw(huge, "application/json").send();

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.field("error_code")).isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            item patch empty          | {}
            item patch blank name     | {"name":"  "}
            item patch zero quantity  | {"quantity":0}
            item patch bad price      | {"unit_price":0.001}
            item patch unknown field  | {"order_id":5}
            item patch wrong type     | {"quantity":"many"}
            """)
    void badItemChangesAreRefusedAndChangeNothing(String description, String body) {
        String before = api.get("/api/orders/" + orderId).token(alice.token()).send().text();
        long itemId = api.get("/api/orders/" + orderId).token(alice.token()).send().json().at("/items/0/id").asLong();

        Api.Response response = api.patch("/api/orders/" + orderId + "/items/" + itemId).token(alice.token())
                .raw(body, "application/json").send();

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(api.get("/api/orders/" + orderId).token(alice.token()).send().text()).isEqualTo(before);
    }

    @Test
    void badStatusAndNotesBodiesChangeNothing() {
        String before = api.get("/api/orders/" + orderId).token(alice.token()).send().text();

        assertThat(api.patch("/api/orders/" + orderId + "/status").token(alice.token()).raw("{}", "application/json")
                .send().status()).isEqualTo(400);
        assertThat(api.patch("/api/orders/" + orderId + "/status").token(alice.token())
                .raw("{\"status\":\"CANCELLED\",\"version\":1}", "application/json").send().status()).isEqualTo(400);
        assertThat(api.patch("/api/orders/" + orderId).token(alice.token()).raw("{}", "application/json").send()
                .status()).isEqualTo(400);
        assertThat(api.patch("/api/orders/" + orderId).token(alice.token())
                .raw("{\"notes\":\"x\",\"status\":\"SHIPPED\"}", "application/json").send().status()).isEqualTo(400);
        assertThat(api.get("/api/orders/abc").token(alice.token()).send().status()).isEqualTo(400);
        assertThat(api.get("/api/orders/99999999999999999999").token(alice.token()).send().status()).isEqualTo(400);
        assertThat(api.get("/api/orders/" + orderId).token(alice.token()).send().text()).isEqualTo(before);
    }

    @Test
    void idempotencyKeyLongerThan255IsRefused() {
        Api.Response response = api.post("/api/orders").token(alice.token()).header("Idempotency-Key", "k".repeat(256))
                .json(Map.of()).send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.field("error_code")).isEqualTo("VALIDATION_FAILED");
    }

    private long orderCount() {
        return api.get("/api/orders").token(alice.token()).send().json().at("/page/total_elements").asLong();
    }
}
