/**
 * The typed trainable parameter ({@link dlfs.param.Parameter}: the book's name, the value, its
 * gradient, and whether weight decay applies), which nets expose ({@code dlfs.nets.Net#parameters})
 * and optimizers step ({@code dlfs.optim.Optimizer#step}). It depends on {@code dlfs.nd} alone, so
 * that layers, nets and optimizers can all use it.
 */
package dlfs.param;
