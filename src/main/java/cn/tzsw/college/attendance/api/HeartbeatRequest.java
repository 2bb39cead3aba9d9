package cn.tzsw.college.attendance.api;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** The JSON a player posts every 10-15 s; see {@code cn.tzsw.college.attendance.domain.Beat}. */
record HeartbeatRequest(@NotBlank @Size(max = 32) String token,
                        @NotNull @PositiveOrZero Long seq,
                        @NotNull @PositiveOrZero @DecimalMax("360000") Double from,
                        @NotNull @PositiveOrZero @DecimalMax("360000") Double position,
                        boolean playing,
                        boolean hidden,
                        @DecimalMin("0.0625") @DecimalMax("16") Double rate) {
}
