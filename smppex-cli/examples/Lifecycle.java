// A QA session against `smppex mc`: submit, query_sm, replace_sm, cancel_sm and submit_multi, one line
// per exchange. Run it with the tools' jar on the class path (Java runs a single source file as is):
//   java -cp smppex-cli/target/smppex.jar smppex-cli/examples/Lifecycle.java 2775
import io.smppex.EsmeOptions;
import io.smppex.SyncEsme;
import io.smppex.pdu.CancelSm;
import io.smppex.pdu.Pdu;
import io.smppex.pdu.PduFactory;
import io.smppex.pdu.QuerySmResp;
import io.smppex.pdu.SubmitMulti;
import io.smppex.pdu.SubmitMultiResp;
import io.smppex.pdu.SubmitSm;
import io.smppex.pdu.SubmitSmResp;
import io.smppex.pdu.field.Address;
import io.smppex.pdu.field.UnsuccessSme;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

public class Lifecycle {
    static final Duration T = Duration.ofSeconds(10);
    static final Address SHOP = Address.of("Shop");
    static final Address PHONE = Address.of("447700900123");

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        SyncEsme.Options o = SyncEsme.Options.defaults().esme(EsmeOptions.builder().bind(PduFactory.bindTransceiver("qa", "pw")).build());
        try (SyncEsme esme = SyncEsme.connect("127.0.0.1", port, o)) {
            String a = submit(esme, "first try");
            query(esme, a);
            show("replace_sm " + a + " 'second try'", esme.request(PduFactory.replaceSm(a, SHOP, bytes("second try")), T));
            query(esme, a);
            show("cancel_sm " + a, esme.request(PduFactory.cancelSm(a, SHOP, PHONE), T));
            query(esme, a);
            show("cancel_sm " + a + " again", esme.request(PduFactory.cancelSm(a, SHOP, PHONE), T));
            show("replace_sm " + a + " after the cancel", esme.request(PduFactory.replaceSm(a, SHOP, bytes("too late")), T));
            query(esme, "999");
            String b = submit(esme, "one for the service type");
            String c = submit(esme, "another one");
            // By service_type, source and destination: every message of that triple still ENROUTE.
            show("cancel_sm service_type '' Shop -> 447700900123",
                    esme.request(CancelSm.builder().messageId("").source(SHOP).destination(PHONE).build(), T));
            query(esme, b);
            query(esme, c);
            // Two phones, an empty address and a distribution list (the simulator has none).
            SubmitMulti m = PduFactory.submitMulti(SHOP, List.of(Address.of("447700900124"), Address.of("", 1, 1),
                    Address.of("447700900125")), "to four, two of them bad").toBuilder().addDistributionList("friends")
                    .registeredDelivery(1).build();
            SubmitMultiResp multi = esme.request(m, T);
            StringBuilder un = new StringBuilder();
            for (UnsuccessSme u : multi.unsuccessSmes()) {
                un.append(' ').append(u.address().address()).append('=').append(u.errorStatus().name());
            }
            show("submit_multi to 4 (message_id " + multi.messageId() + ", unsuccess_sme:" + un + ")", multi);
            query(esme, multi.messageId());
        }
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static String submit(SyncEsme esme, String text) {
        SubmitSm s = PduFactory.submitSm(SHOP, PHONE, text, 1);
        SubmitSmResp r = esme.request(s, T);
        show("submit_sm '" + text + "' -> message_id " + r.messageId(), r);
        return r.messageId();
    }

    static void query(SyncEsme esme, String id) {
        Pdu r = esme.request(PduFactory.querySm(id, SHOP), T);
        if (r instanceof QuerySmResp q && q.isSuccessResponse()) {
            show("query_sm " + id + ": " + q.state() + (q.finalDate().isEmpty() ? "" : ", final_date " + q.finalDate())
                    + ", error_code " + q.errorCode(), r);
        } else {
            show("query_sm " + id, r);
        }
    }

    static void show(String what, Pdu response) {
        System.out.println(what + "  =>  " + response.status().name());
    }
}
