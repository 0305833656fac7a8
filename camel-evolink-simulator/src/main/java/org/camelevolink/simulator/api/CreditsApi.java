package org.camelevolink.simulator.api;

import org.camelevolink.simulator.account.CreditLedger;
import org.camelevolink.simulator.http.Json;
import org.camelevolink.simulator.http.SimRequest;
import org.camelevolink.simulator.http.SimResponse;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /v1/credits}: the key's remaining and used credits (the simulator has one account per key). */
public final class CreditsApi {

    private final CreditLedger credits;

    public CreditsApi(CreditLedger credits) {
        this.credits = credits;
    }

    public SimResponse get(SimRequest request) {
        CreditLedger.Balance b = credits.balance(request.apiKey());
        Map<String, Object> token = new LinkedHashMap<>();
        token.put("remaining_credits", b.remaining());
        token.put("unlimited_credits", false);
        token.put("used_credits", b.used());
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("remaining_credits", b.remaining());
        user.put("used_credits", b.used());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("data", Map.of("token", token, "user", user));
        out.put("message", "");
        out.put("success", true);
        return Json.ok(out);
    }
}
