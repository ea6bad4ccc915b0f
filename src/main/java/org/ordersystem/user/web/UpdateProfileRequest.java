package org.ordersystem.user.web;

import jakarta.validation.constraints.Size;

/** Absent fields stay as they are; the email is checked and normalised by the service. */
record UpdateProfileRequest(@Size(min = 1, max = 200, message = "must be 1 to 200 characters, not blank") String name,
        @Size(max = 320) String email) {

    UpdateProfileRequest {
        name = name == null ? null : name.strip();
    }
}
